import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREPARED_PER_CONNECTION, PreparingClient } from '../src/platform/database/preparing-client.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';
import { personApplicant } from './helpers/applicants.js';

// The write path under concurrency: no row every writer needs stays locked until a writer's commit, and
// what used to be serialised by those rows (case numbers, the audit chain) stays unique and gapless.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const FOOD = 'XK00001001';
const applicant = personApplicant('钱并发');
const waiting = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM audit_pending'))[0].n as number;

async function receipts(n: number) {
  const clerk = await t.loginAs('scjg.clerk');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = await clerk.cases.walkIn({
      matterCode: FOOD,
      applicant,
      materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
    });
    ids.push(c.id);
  }
  return { clerk, ids };
}

describe('case numbers', () => {
  it('twelve acceptances at once in one department get twelve distinct numbers of the day, in one run', async () => {
    const { clerk, ids } = await receipts(12);
    const accepted = await Promise.all(ids.map((id) => clerk.cases.accept(id)));
    const numbers = accepted.map((c) => c.caseNo!);
    expect(new Set(numbers).size).toBe(12);
    const seqs = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => seqs[0] + i));
    expect(numbers.every((n) => /^SCJG-\d{8}-\d{4}$/.test(n))).toBe(true);
  });
});

describe('audit sealing', () => {
  it('a change’s entries are sealed into the chain within moments, with nobody reading the log', async () => {
    const admin = await t.loginAs('admin');
    const win = await admin.org.createWindow({
      number: 'W77',
      name: '封存测试窗口',
      departmentId: admin.me.departmentId!,
      kind: 'COMPREHENSIVE',
    });
    let rows: { seq: number; hash: string }[] = [];
    for (let i = 0; i < 40 && !rows.length; i++) {
      await new Promise((r) => setTimeout(r, 50));
      // Straight to the database, not through t.sql (which would ask for the seal itself).
      rows = await t.dataSource.query(`SELECT seq, hash FROM audit_entry WHERE target_id = $1`, [win.id]);
    }
    expect(rows).toHaveLength(1);
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await waiting()).toBe(0);
  });

  it('many concurrent changes: every entry chained exactly once, numbered without gaps, and the chain verifies', async () => {
    const { clerk, ids } = await receipts(15);
    await Promise.all(ids.map((id) => clerk.cases.accept(id)));
    const supervisor = await t.loginAs('supervisor');
    const result = await supervisor.audit.verify();
    expect(result).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(await waiting()).toBe(0);
    const [{ n, max, distinct }] = await t.dataSource.query(
      `SELECT count(*)::int AS n, max(seq)::int AS max, count(DISTINCT seq)::int AS distinct FROM audit_entry`,
    );
    expect(n).toBe(result.checked);
    expect(max).toBe(n);
    expect(distinct).toBe(n);
    const accepts = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'case.accept' AND target_id = ANY($1::varchar[])`,
      [ids],
    );
    expect(accepts[0].n).toBe(15);
  });

  it('a refused change leaves nothing waiting to be sealed', async () => {
    const admin = await t.loginAs('admin');
    await admin.audit.verify();
    // W77 exists (the test before made it): the second one is refused, and its audit entry with it.
    await expectApiError(
      admin.org.createWindow({
        number: 'W77',
        name: '重复编号',
        departmentId: admin.me.departmentId!,
        kind: 'COMPREHENSIVE',
      }),
      409,
    );
    expect(await waiting()).toBe(0);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'a change commits and answers while another session holds the chain head; its entries are sealed once it lets go (PostgreSQL; skipped on PGlite)',
    async () => {
      const { clerk, ids } = await receipts(1);
      const other = new pg.Client({ connectionString: t.databaseUrl! });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE');
        const accepted = await Promise.race([
          clerk.cases.accept(ids[0]),
          new Promise<null>((r) => setTimeout(() => r(null), 5000)),
        ]);
        expect(accepted?.state).toBe('IN_REVIEW');
        expect(await waiting()).toBeGreaterThan(0);
        await other.query('COMMIT');
        const supervisor = await t.loginAs('supervisor');
        expect((await supervisor.audit.verify()).ok).toBe(true);
        expect(await waiting()).toBe(0);
        const [row] = await t.dataSource.query(
          `SELECT seq FROM audit_entry WHERE action = 'case.accept' AND target_id = $1`,
          [ids[0]],
        );
        expect(Number(row.seq)).toBeGreaterThan(0);
      } finally {
        await other.end();
      }
    },
  );
});

describe.skipIf(!process.env.DATABASE_URL)(
  'prepared statements (PostgreSQL; skipped on PGlite, whose sessions are shared)',
  () => {
    it('the app’s connections prepare a parameterised statement once and reuse it', async () => {
      const qr = t.dataSource.createQueryRunner();
      try {
        for (let i = 0; i < 3; i++) expect(await qr.query('SELECT $1::int + 1 AS x', [i])).toEqual([{ x: i + 1 }]);
        const rows = await qr.query(
          `SELECT name FROM pg_prepared_statements WHERE statement = 'SELECT $1::int + 1 AS x'`,
        );
        expect(rows).toHaveLength(1);
        expect(rows[0].name).toMatch(/^ow_/);
      } finally {
        await qr.release();
      }
    });

    it(`a connection keeps at most ${PREPARED_PER_CONNECTION} statements prepared; later texts still run, unnamed`, async () => {
      const c = new PreparingClient({ connectionString: t.databaseUrl! });
      await c.connect();
      try {
        for (let i = 0; i < PREPARED_PER_CONNECTION + 10; i++)
          expect((await c.query(`SELECT $1::int + ${i} AS x`, [1])).rows[0].x).toBe(1 + i);
        const [{ n }] = (await c.query('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows;
        expect(n).toBe(PREPARED_PER_CONNECTION);
      } finally {
        await c.end();
      }
    });
  },
);
