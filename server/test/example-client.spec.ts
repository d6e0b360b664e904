import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiClient, type Principal } from '@onewindow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_CLIENT, demoResidentId } from '../src/demo/demo-seed.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

// examples/department-client run as its README says, against a server with the demo center and webhooks on.

const EXAMPLE = fileURLToPath(new URL('../../examples/department-client/client.mjs', import.meta.url));
let t: TestApp;
let clerk: ApiClient & { me: Principal };
let dir: string;

function run(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [EXAMPLE], { env: { ...process.env, ...env }, cwd: dir });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_WORKER: 'true', WEBHOOK_POLL_MS: '50' });
  clerk = await t.loginAs('gaj.clerk');
  dir = await mkdtemp(join(tmpdir(), 'ow-example-'));
});
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the department-client example', () => {
  it('works the department’s case through the API alone: review, decision and delivery, each once under its key, webhooks verified', async () => {
    const [{ code: matterCode }] = await t.sql<{ code: string }>(
      `SELECT m.code FROM matter m JOIN matter_version v ON v.matter_id = m.id WHERE v.status = 'PUBLISHED' AND v.content->>'name' = '户口迁移（市内）'`,
    );
    const received = await clerk.cases.walkIn({
      matterCode,
      applicant: {
        kind: 'PERSON',
        name: '陈迁户',
        idNumber: demoResidentId(90),
        contactName: '陈迁户',
        phone: '13912345678',
      },
      materials: [0, 1, 2].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
    });
    const c = await clerk.cases.accept(received.id, {});
    const env = {
      ONEWINDOW_URL: t.baseUrl,
      CLIENT_ID: DEMO_API_CLIENT.clientId,
      CLIENT_SECRET: DEMO_API_CLIENT.secret,
      CURSOR_FILE: join(dir, 'cursor'),
      WAIT_SECONDS: '20',
    };
    const first = await run(env);
    expect(first.code, first.out).toBe(0);
    for (const step of ['review', 'decision', 'delivery']) expect(first.out).toContain(`${step} pushed on ${c.caseNo}`);
    expect(first.out).toMatch(/same key again: HTTP 200, replayed true/);
    expect(first.out).toMatch(/a forged webhook gets HTTP 400/);
    expect(first.out).toContain(`${c.caseNo} completed through the API; its webhooks verified`);
    const done = await clerk.cases.get(c.id);
    expect(done.state).toBe('COMPLETED');
    expect(done.delivery?.certificateNo).toMatch(/^HJ\d+$/);
    // Each step once, by the department's system: the replay did nothing again.
    expect(
      done.steps.filter((s) => ['REVIEW', 'DECIDE', 'DELIVER'].includes(s.action)).map((s) => [s.action, s.actorName]),
    ).toEqual([
      ['REVIEW', '市公安局户籍业务系统（演示）'],
      ['DECIDE', '市公安局户籍业务系统（演示）'],
      ['DELIVER', '市公安局户籍业务系统（演示）'],
    ]);

    // Run again: the feed resumes from the saved cursor (only what happened since), and nothing waits for it.
    const second = await run(env);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toMatch(/no case of the department waits for its system/);
    const seen = (out: string) => Number(/feed: (\d+) new event/.exec(out)![1]);
    expect(seen(first.out)).toBeGreaterThanOrEqual(2); // the walk-in and the acceptance at least
    expect(seen(second.out)).toBe(3); // the review, decision and delivery the first run pushed
  });
});
