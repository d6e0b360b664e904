import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const run = promisify(execFile);
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

/** Tampering as a DBA would: with the append-only triggers switched off for one statement. */
async function tamper(sql: string, params: unknown[] = []) {
  await t.dataSource.transaction(async (m) => {
    await m.query('ALTER TABLE audit_entry DISABLE TRIGGER USER');
    await m.query(sql, params);
    await m.query('ALTER TABLE audit_entry ENABLE TRIGGER USER');
  });
}

describe('audit log', () => {
  it('records actor, role, department, request id and client address for a change, in its transaction', async () => {
    const admin = await t.loginAs('admin');
    const res = await fetch(`${t.baseUrl}/api/org/windows`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${admin.store.get()!.accessToken}`,
        'x-request-id': 'test-request-0001',
      },
      body: JSON.stringify({
        number: 'C01',
        name: '审计测试窗口',
        departmentId: admin.me.departmentId,
        kind: 'COMPREHENSIVE',
      }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe('test-request-0001');
    const win = await res.json();
    const page = await admin.audit.list({ targetId: win.id });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      action: 'org.window.created',
      actorId: admin.me.id,
      actorName: admin.me.name,
      role: 'CENTER_ADMIN',
      departmentId: admin.me.departmentId,
      requestId: 'test-request-0001',
      clientIp: '127.0.0.1',
      targetType: 'service_window',
    });
  });

  it('a change refused by validation leaves no audit row and no data', async () => {
    const admin = await t.loginAs('admin');
    const [{ n: before }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_entry');
    await admin.org
      .createWindow({ number: 'C01', name: '重复编号', departmentId: admin.me.departmentId!, kind: 'COMPREHENSIVE' })
      .catch(() => undefined);
    const [{ n: after }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_entry');
    expect(after).toBe(before);
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE on audit rows', async () => {
    await expect(t.sql(`UPDATE audit_entry SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`DELETE FROM audit_entry WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only/);
  });

  it('the chain verifies, and the verifier finds a row altered directly in SQL', async () => {
    const supervisor = await t.loginAs('supervisor');
    const ok = await supervisor.audit.verify();
    expect(ok).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    expect(ok.checked).toBeGreaterThan(3);

    const [{ seq }] = await t.sql<{ seq: number }>(
      `SELECT seq FROM audit_entry WHERE action = 'auth.login' ORDER BY seq LIMIT 1`,
    );
    await tamper(`UPDATE audit_entry SET summary = '{"login":"someone-else"}' WHERE seq = $1`, [seq]);
    const broken = await supervisor.audit.verify();
    expect(broken).toMatchObject({ ok: false, firstBrokenSeq: seq, reason: 'CONTENT_HASH_MISMATCH', checked: seq - 1 });

    // Re-hashing the altered row does not help: the next row's link no longer matches.
    const rows = await t.sql<{ hash: string }>(`SELECT hash FROM audit_entry WHERE seq = $1`, [seq]);
    const { auditHash } = await import('../src/platform/audit/audit-hash.js');
    const [row] = await t.dataSource.query(`SELECT * FROM audit_entry WHERE seq = $1`, [seq]);
    const rehashed = auditHash({
      seq: Number(row.seq),
      at: row.at,
      actorId: row.actor_id,
      actorKind: row.actor_kind,
      actorName: row.actor_name,
      role: row.role,
      departmentId: row.department_id,
      actingForId: row.acting_for_id,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      summary: row.summary,
      requestId: row.request_id,
      clientIp: row.client_ip,
      prevHash: row.prev_hash,
    });
    expect(rehashed).not.toBe(rows[0].hash);
    await tamper(`UPDATE audit_entry SET hash = $2 WHERE seq = $1`, [seq, rehashed]);
    expect(await supervisor.audit.verify()).toMatchObject({
      ok: false,
      firstBrokenSeq: seq + 1,
      reason: 'PREVIOUS_HASH_MISMATCH',
    });
  });
});

describe('every change is audited', () => {
  it('each state-changing endpoint of the platform and organization writes exactly its audit row', async () => {
    const admin = await t.loginAs('admin');
    const lead = await t.loginAs('wjw.lead');
    const dept = (await admin.org.listDepartments()).find((d) => d.code === 'WJW')!;
    const count = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_entry'))[0].n;
    const { demoCreditCode } = await import('../src/demo/demo-seed.js');
    const steps: [string, () => Promise<unknown>][] = [];
    let deptId = '';
    let winId = '';
    let staffId = '';
    steps.push([
      'org.department.created',
      async () =>
        (deptId = (
          await admin.org.createDepartment({
            code: 'TJJ',
            name: '市统计局',
            shortName: '统计',
            creditCode: demoCreditCode(8100),
          })
        ).id),
    ]);
    steps.push(['org.department.updated', () => admin.org.updateDepartment(deptId, { sortOrder: 200 })]);
    steps.push([
      'org.window.created',
      async () =>
        (winId = (
          await admin.org.createWindow({ number: 'A90', name: '统计窗口', departmentId: deptId, kind: 'DEPARTMENT' })
        ).id),
    ]);
    steps.push(['org.window.updated', () => admin.org.updateWindow(winId, { name: '统计业务窗口' })]);
    steps.push([
      'org.staff.created',
      async () =>
        (staffId = (
          await admin.org.createStaff({
            login: 'tjj.clerk',
            name: '统计员',
            password: 'Stats2026x',
            departmentId: deptId,
            windowId: winId,
            roles: ['CLERK'],
          })
        ).id),
    ]);
    steps.push(['org.staff.updated', () => admin.org.updateStaff(staffId, { name: '统计窗口员' })]);
    steps.push([
      'org.staff.password_reset',
      () => admin.org.resetStaffPassword(staffId, { newPassword: 'Stats2027x' }),
    ]);
    steps.push(['org.staff.away', () => lead.org.setStaffAway(lead.me.id, true)]);
    steps.push(['org.staff.back', () => lead.org.setStaffAway(lead.me.id, false)]);
    steps.push([
      'auth.password_changed',
      () => lead.auth.changePassword({ currentPassword: 'Demo@2026', newPassword: 'Lead2026xx' }),
    ]);
    steps.push(['platform.clock_changed', () => admin.platform.advanceClock({ seconds: 1 })]);
    steps.push(['auth.logout', () => lead.auth.logout()]);
    for (const [action, step] of steps) {
      const before = await count();
      await step();
      const rows = await t.sql<{ action: string }>('SELECT action FROM audit_entry WHERE seq > $1 ORDER BY seq', [
        before,
      ]);
      expect(
        rows.map((r) => r.action),
        action,
      ).toEqual([action]);
    }
    expect(dept.id).toBeTruthy();
  });
});

describe('audit verification script', () => {
  it('exits 0 on an intact chain and 1 naming the first removed row', async () => {
    const fresh = await startTestApp();
    try {
      const url = fresh.running.db.url;
      const script = path.resolve(import.meta.dirname, '../dist/bin/verify-audit.js');
      const good = await run('node', [script], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' } });
      expect(good.stdout).toMatch(/"ok":true/);

      await fresh.dataSource.transaction(async (m) => {
        await m.query('ALTER TABLE audit_entry DISABLE TRIGGER USER');
        await m.query('DELETE FROM audit_entry WHERE seq = 1');
        await m.query('ALTER TABLE audit_entry ENABLE TRIGGER USER');
      });
      const bad = await run('node', [script], {
        env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
      }).catch((e) => e);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/"firstBrokenSeq":1,"reason":"SEQUENCE_GAP"/);
      expect(bad.stderr).toMatch(/审计链断裂于第 1 条/);
    } finally {
      await fresh.close();
    }
  });
});
