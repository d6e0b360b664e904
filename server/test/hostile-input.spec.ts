import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/test-app.js';

// Every operation of the OpenAPI document, fed hostile input as an attacker or a broken client would send it,
// logged out and as the center administrator: no answer may be a 5xx. New routes join by being in the document.

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  allOf?: Schema[];
  oneOf?: Schema[];
}
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

const doc = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/openapi.json'), 'utf8'),
) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const resolve = (s: Schema): Schema =>
  s.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop()!]) : (s.allOf?.[0] ?? s.oneOf?.[0] ?? s);

type Twist = 'nul' | 'wrongType' | 'huge' | 'blank' | 'nullNested';
/** A body shaped like the schema, every leaf twisted the same way. */
function bodyOf(schema: Schema, twist: Twist, depth = 0): unknown {
  const s = resolve(schema);
  if (depth > 6) return null;
  if (s.type === 'object' || s.properties) {
    if (twist === 'wrongType' && depth > 0) return [];
    if (twist === 'nullNested' && depth > 0) return null;
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, bodyOf(v, twist, depth + 1)]));
  }
  if (s.type === 'array') {
    if (twist === 'nullNested') return [null];
    return twist === 'wrongType' ? { 0: 'x' } : [bodyOf(s.items ?? {}, twist, depth + 1)];
  }
  if (s.type === 'integer' || s.type === 'number')
    return { nul: 0, wrongType: '5', huge: 1e300, blank: -1e18, nullNested: null }[twist];
  if (s.type === 'boolean') return twist === 'wrongType' ? 'true' : null;
  return { nul: 'a\u0000b', wrongType: 12345, huge: '长'.repeat(200_000), blank: '   ', nullNested: null }[twist];
}

const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
const UUID = '3f1e1a2b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';
const PATH_VALUES = [UUID, 'x\u0000y', '9'.repeat(40), '-1', '%00'];
const QUERY_VALUES = ['a\u0000b', '9'.repeat(40), '   ', '2026-02-30', 'true', '-1'];

let t: TestApp;
let adminToken = '';
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000' });
  adminToken = await t.accessToken('admin');
}, 60_000);
afterAll(() => t?.close());

// These end the very session the walk uses, or move the business clock under every other test of this file.
const SKIP = new Set([
  'post /api/auth/logout',
  'post /api/auth/password',
  'put /api/platform/clock',
  'post /api/platform/clock/advance',
]);

describe('hostile input on every operation of the OpenAPI document', () => {
  it('answers every one with a 4xx (or success), never a 5xx', async () => {
    const faults: string[] = [];
    let sent = 0;
    const send = async (method: string, url: string, body: string | undefined, auth: boolean, what: string) => {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (auth) headers.authorization = `Bearer ${adminToken}`;
      const res = await fetch(`${t.baseUrl}${url}`, { method: method.toUpperCase(), headers, body });
      const text = await res.text();
      sent++;
      if (res.status >= 500)
        faults.push(`${res.status} ${method.toUpperCase()} ${url.slice(0, 80)} ${what}: ${text.slice(0, 160)}`);
    };
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (SKIP.has(`${method} ${template}`)) continue;
        const params = op.parameters ?? [];
        const fill = (value: string) =>
          template.replace(/\{(\w+)\}/g, (_, name: string) =>
            encodeURIComponent(params.find((p) => p.name === name && p.in === 'path') ? value : UUID),
          );
        const query = params.filter((p) => p.in === 'query');
        const schema = op.requestBody?.content['application/json']?.schema;
        const validBodyless = schema ? '{}' : undefined;
        for (const auth of [false, true]) {
          for (const v of PATH_VALUES)
            if (template.includes('{')) await send(method, fill(v), validBodyless, auth, `path=${JSON.stringify(v)}`);
          for (const v of QUERY_VALUES)
            if (query.length)
              await send(
                method,
                `${fill(UUID)}?${query.map((p) => `${p.name}=${encodeURIComponent(v)}`).join('&')}`,
                validBodyless,
                auth,
                `query=${JSON.stringify(v)}`,
              );
          if (!schema) continue;
          const url = fill(UUID);
          for (const raw of ['[]', 'null', '"x"', '{"__proto__":{"x":1}}', deep(5000), '{"a":1e999}'])
            await send(method, url, raw, auth, `body=${raw.slice(0, 20)}`);
          for (const twist of ['nul', 'wrongType', 'huge', 'blank', 'nullNested'] as const)
            await send(method, url, JSON.stringify(bodyOf(schema, twist)), auth, `body ${twist}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(faults).toEqual([]);
  }, 300_000);
});
