import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument, stableJson } from '../src/platform/http/openapi.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { seed: false });
});
afterAll(() => t?.close());

describe('checked-in OpenAPI document', () => {
  it('is what the code generates (run `npm run openapi` after changing the API)', () => {
    const file = path.resolve(import.meta.dirname, '../../docs/openapi.json');
    const generated = stableJson(buildOpenApiDocument(t.running.app));
    const checkedIn = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    expect(checkedIn === generated, 'docs/openapi.json is stale: run `npm run openapi`').toBe(true);
  });
});
