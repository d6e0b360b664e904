import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from '@onewindow/shared';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from './helpers/server-process.js';
import { startTestApp } from './helpers/test-app.js';
import { createScratchDatabase, SERVER_URL } from './helpers/test-database.js';
import { personApplicant } from './helpers/applicants.js';

// docs/operations.md's backup and restore, done: pg_dump of the whole database, pg_restore into an empty one,
// and the restored copy serves the same cases with an intact audit chain.

const applicant = personApplicant('吴备份');

describe.skipIf(!SERVER_URL)('backup and restore (PostgreSQL server; skipped when unset)', () => {
  it('a restored dump serves the same case, its clock and steps, and its audit chain verifies', async () => {
    const t = await startTestApp();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ow-backup-'));
    const restored = await createScratchDatabase(SERVER_URL!);
    try {
      const clerk = await t.loginAs('scjg.clerk');
      const received = await clerk.cases.walkIn({
        matterCode: 'XK00001001',
        applicant,
        materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
      });
      const accepted = await clerk.cases.accept(received.id);
      const [{ entries }] = await t.sql<{ entries: number }>('SELECT count(*)::int AS entries FROM audit_entry');

      const dump = path.join(dir, 'onewindow.dump');
      execFileSync('pg_dump', ['--format=custom', '--no-owner', '--file', dump, t.databaseUrl!]);
      execFileSync('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', restored.url, dump]);
      await t.close();

      const server = await startServerProcess({ DATABASE_URL: restored.url, DB_MIGRATE_ON_START: 'true' });
      try {
        const admin = new ApiClient({ baseUrl: `${server.baseUrl}/api` });
        await admin.auth.login({ login: 'admin', password: 'Demo@2026' });
        expect(await admin.audit.verify()).toMatchObject({ ok: true, firstBrokenSeq: null });
        expect((await admin.audit.verify()).checked).toBeGreaterThanOrEqual(entries);
        const again = await admin.cases.get(accepted.id);
        expect(again).toMatchObject({ caseNo: accepted.caseNo, state: accepted.state, receiptNo: accepted.receiptNo });
        expect(again.caseClock?.dueAt).toBe(accepted.caseClock?.dueAt);
        expect(again.steps.map((s) => s.action)).toEqual(accepted.steps.map((s) => s.action));
        expect(again.applicant.idNumberMasked).toBe(accepted.applicant.idNumberMasked);
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await restored.drop();
    }
  }, 120_000);
});
