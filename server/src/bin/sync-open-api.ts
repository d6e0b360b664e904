import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../platform/config/app-config.js';
import { buildOpenApiDocument, stableJson } from '../platform/http/openapi.js';

/** `npm run openapi`: writes docs/openapi.json from the running code (a test fails when it is stale). */
const OPENAPI_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/openapi.json');

const running = await createApp(
  loadConfig({
    ONEWINDOW_MODE: 'test',
    LOG_LEVEL: 'silent',
    SPA_ROOT: 'none',
    ONEWINDOW_DATA_DIR: 'memory',
    SEED_DEMO: 'false',
  }),
);
const doc = stableJson(buildOpenApiDocument(running.app));
await running.close();
fs.mkdirSync(path.dirname(OPENAPI_FILE), { recursive: true });
fs.writeFileSync(OPENAPI_FILE, doc);
console.log(`wrote ${OPENAPI_FILE} (${doc.length} bytes)`);
