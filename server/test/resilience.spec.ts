import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupervisionEvents } from '../src/modules/supervision/supervision-events.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { SERVER_URL } from './helpers/test-database.js';
import { personApplicant } from './helpers/applicants.js';

// Connections of ours the database drops must not take the process down, and the server recovers by itself.

const applicant = personApplicant('孙断线');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!SERVER_URL)('connections lost (PostgreSQL server; skipped on PGlite)', () => {
  let t: TestApp;
  let admin: pg.Client;
  beforeAll(async () => {
    t = await startTestApp();
    admin = new pg.Client({ connectionString: SERVER_URL! });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  it('every connection of ours killed at once: the process stays up, writes resume, one listener comes back', async () => {
    const clerk = await t.loginAs('scjg.clerk');
    const walkIn = () =>
      clerk.cases.walkIn({
        matterCode: 'XK00001001',
        applicant,
        materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
      });
    await walkIn(); // the receipt number is taken on the side pool: it has an open connection now
    const events = t.running.app.get(SupervisionEvents);
    expect(events.listening).toBe(true);
    // A supervisor's board is connected: it must be told to read again what the outage may have hidden.
    const supervisor = await t.loginAs('supervisor');
    const pushed: string[] = [];
    let open = false;
    const closeBoard = supervisor.supervision.events(
      (e) => pushed.push(e.type),
      (ok) => (open = ok),
    );
    while (!open) await sleep(50);
    const db = new URL(t.databaseUrl!).pathname.slice(1);

    const killed = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [db],
    );
    expect(killed.rowCount).toBeGreaterThanOrEqual(3); // the app's pool, the side pool, the listener

    const started = Date.now();
    let written: Awaited<ReturnType<typeof walkIn>> | null = null;
    while (!written && Date.now() - started < 5000) {
      written = await walkIn().catch(() => null);
      if (!written) await sleep(100);
    }
    expect(written?.receiptNo).toMatch(/^SJ\d{13}$/);
    while (!events.listening && Date.now() - started < 10_000) await sleep(100);
    expect(events.listening).toBe(true);
    await sleep(500); // a second listener, were one started, would have connected by now
    const listeners = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN %'`,
      [db],
    );
    expect(listeners.rows[0].n).toBe(1);
    expect((await fetch(`${t.baseUrl}/api/health/ready`)).status).toBe(200);
    while (!pushed.includes('resync') && Date.now() - started < 10_000) await sleep(50);
    closeBoard();
    expect(pushed).toContain('resync');
  });

  it('a transaction an instance leaves idle is ended by the server after a minute, its locks with it', async () => {
    const [{ timeout }] = await t.dataSource.query<{ timeout: string }[]>(
      `SELECT current_setting('idle_in_transaction_session_timeout') AS timeout`,
    );
    expect(timeout).toBe('1min');
  });
});
