import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '@onewindow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personApplicant, residentId } from './helpers/applicants.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

// Every write operation of the OpenAPI document, sent by every kind of caller with a body that would pass, on real
// records: whatever the role matrix (the document's 403 "需要角色") or a department's scope refuses must leave every
// table as it was. New routes join by being in the document.

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  allOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
}
interface Operation {
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses?: Record<string, { description?: string }>;
}
const doc = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/openapi.json'), 'utf8'),
) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
const resolve = (s: Schema): Schema =>
  s.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop()!]) : (s.allOf?.[0] ?? s.oneOf?.[0] ?? s);

const FOOD = 'XK00001001'; // 食品经营许可 of 市场监管 (SCJG)
const UUID = '3f1e1a2b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';

// These end the session they are sent in, count failed logins by design, or move the business clock.
const SKIP = new Set([
  'post /api/auth/login',
  'post /api/auth/logout',
  'post /api/auth/refresh',
  'post /api/auth/password',
  'put /api/platform/clock',
  'post /api/platform/clock/advance',
]);

/** The callers, refused ones first so that the records are still as set up when they try. */
const CALLERS = [
  null,
  '13800000001',
  'zjj.clerk', // 住建局: the records below are 市场监管's
  'supervisor',
  'scjg.approver',
  'scjg.lead',
  'admin',
  'scjg.clerk',
  'zwb.cashier', // 统一收费: the counter and the finance office work every department's fees
  'zwb.finance',
];

let t: TestApp;
let ids: Record<string, string>;
let snapshotSql: string;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000' });
  const clerk = await t.loginAs('scjg.clerk');
  const c = await clerk.cases.walkIn({
    matterCode: FOOD,
    applicant: personApplicant('赵拒绝'),
    materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
  });
  const [version] = await t.sql<{ id: string; matter_id: string }>(
    `SELECT v.id, v.matter_id FROM matter_version v JOIN matter m ON m.id = v.matter_id
      WHERE m.code = $1 AND v.status = 'PUBLISHED'`,
    [FOOD],
  );
  const [fee] = await t.sql<{ code: string }>('SELECT code FROM fee_item LIMIT 1');
  ids = {
    cases: c.id,
    clocks: c.acceptanceClock!.id,
    versions: version.id,
    matters: version.matter_id,
    items: fee.code,
    departmentId: clerk.me.departmentId!,
  };
  const tables = await t.sql<{ table_name: string; versioned: boolean }>(
    `SELECT table_name, EXISTS (SELECT 1 FROM information_schema.columns c
              WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'version') AS versioned
       FROM information_schema.tables t
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'
      ORDER BY table_name`,
  );
  // Rows per table, and for versioned tables the sum of their versions: an insert, a delete or an update shows.
  snapshotSql = tables
    .map(
      (r) =>
        `SELECT '${r.table_name}' AS t, count(*)::int AS n, ${r.versioned ? 'coalesce(sum(version), 0)::int' : '0'} AS v FROM "${r.table_name}"`,
    )
    .join(' UNION ALL ');
}, 60_000);
afterAll(() => t?.close());

async function snapshot(): Promise<Map<string, string>> {
  // Through t.sql: it names audit_entry, so the audit is sealed first and counted as committed.
  return new Map((await t.sql<{ t: string; n: number; v: number }>(snapshotSql)).map((r) => [r.t, `${r.n}/${r.v}`]));
}

/** A value each field would accept, so that the refusal comes from who calls, not from what is sent. */
function plausible(schema: Schema, name = '', depth = 0): unknown {
  const s = resolve(schema);
  const byName: Record<string, unknown> = {
    matterCode: FOOD,
    idNumber: residentId('33010219900307151'),
    phone: '13912345678',
    departmentId: ids.departmentId,
    email: 'a@example.cn',
  };
  if (name in byName) return byName[name];
  if (s.enum) return s.enum[0];
  if (s.type === 'object' || s.properties)
    return depth > 5
      ? {}
      : Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(v, k, depth + 1)]));
  if (s.type === 'array') return depth > 5 ? [] : [plausible(s.items ?? {}, name, depth + 1)];
  if (s.type === 'integer' || s.type === 'number') return Math.max(s.minimum ?? 1, 1);
  if (s.type === 'boolean') return true;
  if (s.format === 'uuid') return UUID;
  if (s.format === 'date') return '2026-12-10';
  if (s.format === 'date-time') return new Date().toISOString();
  return '依法审查意见';
}

/** Real records for the ids in a path, by the collection they follow; anything else is an id of nothing. */
function fill(template: string): string {
  return template.replace(/\/(\w+)\/\{(\w+)\}/g, (_, collection: string, param: string) => {
    const value =
      param === 'index'
        ? '0'
        : param === 'version'
          ? '1'
          : param === 'date'
            ? '2026-12-25'
            : param === 'year'
              ? '2027'
              : (ids[collection] ?? UUID);
    return `/${collection}/${encodeURIComponent(value)}`;
  });
}

describe('a refused write writes nothing', () => {
  it('leaves every table unchanged after each refusal of the role matrix and of department scope', async () => {
    const callers: { login: string | null; token?: string; roles: Role[] }[] = [];
    for (const login of CALLERS) {
      if (!login) callers.push({ login, roles: [] });
      else {
        const { me } = await t.loginAs(login);
        callers.push({ login, token: await t.accessToken(login), roles: me.roles });
      }
    }
    const written: string[] = [];
    const matrixWrong: string[] = [];
    const refusedBy: Record<string, number> = {};
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (method === 'get' || SKIP.has(`${method} ${template}`)) continue;
        const needed = op.responses?.['403']?.description?.replace('需要角色：', '').split(', ') as Role[] | undefined;
        const schema = op.requestBody?.content['application/json']?.schema;
        const body = schema ? JSON.stringify(plausible(schema)) : undefined;
        for (const { login, token, roles } of callers) {
          const before = await snapshot();
          const headers: Record<string, string> = {};
          if (body !== undefined) headers['content-type'] = 'application/json';
          if (login) headers.authorization = `Bearer ${token}`;
          const res = await fetch(`${t.baseUrl}${fill(template)}`, { method: method.toUpperCase(), headers, body });
          const answer = (await res.json().catch(() => ({}))) as { code?: string };
          const what = `${method.toUpperCase()} ${template} as ${login ?? 'nobody'}`;
          // The matrix itself: a route that names roles refuses everyone else before it reads the body.
          const allowed = !needed || roles.some((r) => needed.includes(r));
          if (!allowed && res.status !== (login ? 403 : 401)) matrixWrong.push(`${what}: ${res.status}`);
          if (res.status < 400) continue;
          expect(res.status, `${what}: ${JSON.stringify(answer)}`).toBeLessThan(500);
          refusedBy[answer.code ?? String(res.status)] = (refusedBy[answer.code ?? String(res.status)] ?? 0) + 1;
          const after = await snapshot();
          for (const [table, was] of before)
            if (after.get(table) !== was)
              written.push(`${what} → ${res.status} ${answer.code}: ${table} ${was} → ${after.get(table)}`);
        }
      }
    }
    expect(matrixWrong).toEqual([]);
    expect(written).toEqual([]);
    // It did walk the matrix: refusals by role, by login, and by department scope on real records.
    expect(refusedBy.AUTH_FORBIDDEN_ROLE).toBeGreaterThan(150);
    expect(refusedBy.AUTH_REQUIRED).toBeGreaterThan(40);
    expect(refusedBy.AUTH_DEPARTMENT_SCOPE).toBeGreaterThanOrEqual(5);
  }, 300_000);
});
