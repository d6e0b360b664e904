import { ApiClient, type CaseDto, ErrorCode, type Principal } from '@onewindow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode } from '../src/demo/demo-seed.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';

// A department's own system (市场监管's) talking to OneWindow over /api/integration/v1, on 食品经营许可.

let t: TestApp;
let admin: ApiClient & { me: Principal };
let clerk: ApiClient & { me: Principal };
let zjj: ApiClient & { me: Principal };
let base: string;
let matterCode: string;
let client: { id: string; clientId: string; secret: string };
const at = (local: string) => new Date(`${local}+08:00`);

async function call(method: string, path: string, opts: { token?: string; body?: unknown; key?: string } = {}) {
  const res = await fetch(`${base}/api/integration/v1${path}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.key ? { 'idempotency-key': opts.key } : {}),
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

async function tokenFor(clientId: string, secret: string) {
  const res = await fetch(`${base}/api/integration/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  return { status: res.status, body: await res.json() };
}

const walkIn = (api: ApiClient, seq: number) =>
  api.cases.walkIn({
    matterCode,
    applicant: {
      kind: 'ORGANIZATION',
      name: `示范接入食品有限公司${seq}`,
      idNumber: demoCreditCode(900 + seq, '91'),
      contactName: '张经办',
      phone: '13912345678',
    },
    materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
  });

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(at('2026-11-02T09:00:00'));
  [admin, clerk, zjj] = await Promise.all(['admin', 'scjg.clerk', 'zjj.clerk'].map((l) => t.loginAs(l)));
  base = t.baseUrl;
  [{ code: matterCode }] = await t.sql<{ code: string }>(
    `SELECT m.code FROM matter m JOIN matter_version v ON v.matter_id = m.id WHERE v.status = 'PUBLISHED' AND v.content->>'name' = '食品经营许可'`,
  );
  const departments = await t.client().org.listDepartments();
  const created = await admin.integration.create({
    name: '市场监管业务系统',
    ownerKind: 'DEPARTMENT',
    departmentId: departments.find((d) => d.code === 'SCJG')!.id,
    scopes: ['cases:read', 'steps:write'],
    contactName: '王工程师',
    contactPhone: '13900000000',
  });
  client = { id: created.client.id, clientId: created.client.clientId, secret: created.clientSecret };
});
afterAll(() => t?.close());

describe('machine clients', () => {
  it('are registered with every missing field named at once, a department client’s department among them', async () => {
    const e = await expectApiError(
      admin.integration.create({
        name: ' ',
        ownerKind: 'DEPARTMENT',
        scopes: [],
        contactName: '王工程师',
        contactPhone: '139',
      }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(Object.keys(e.fieldErrors).sort()).toEqual(['contactPhone', 'departmentId', 'name', 'scopes']);
    // The bank has no department.
    const bank = await admin.integration.create({
      name: '代收银行收费系统',
      ownerKind: 'BANK',
      scopes: ['payments:write'],
      contactName: '李行长',
      contactPhone: '13900000001',
    });
    expect(bank.client).toMatchObject({ ownerKind: 'BANK', departmentId: null });
  });

  it('get a short-lived token by client credentials; a wrong secret, an unknown client or another grant get none', async () => {
    const ok = await tokenFor(client.clientId, client.secret);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer', scope: 'cases:read steps:write' });
    expect(ok.body.expires_in).toBeGreaterThan(0);
    const bad = await tokenFor(client.clientId, `${client.secret}x`);
    expect(bad).toMatchObject({ status: 401, body: { code: ErrorCode.AUTH_CLIENT_INVALID } });
    expect((await tokenFor('owc_nobody', client.secret)).status).toBe(401);
    // HTTP Basic works as well.
    const basic = await fetch(`${base}/api/integration/v1/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.secret}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    expect(basic.status).toBe(200);
    const grant = await fetch(`${base}/api/integration/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', client_id: client.clientId, client_secret: client.secret }),
    });
    expect(grant.status).toBe(400);
    // The secret is kept as a hash only.
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM api_client_secret WHERE secret_hash = $1`,
      [client.secret],
    );
    expect(n).toBe(0);
  });

  it('see only their own department’s cases (another’s is 404, not 403), within their scopes, and no staff route', async () => {
    const { body } = await tokenFor(client.clientId, client.secret);
    const token = body.access_token as string;
    const mine = await walkIn(clerk, 1);
    const [{ code: building }] = await t.sql<{ code: string }>(
      `SELECT m.code FROM matter m JOIN matter_version v ON v.matter_id = m.id WHERE v.status = 'PUBLISHED' AND v.content->>'name' = '建筑工程施工许可证核发'`,
    );
    const theirs = await zjj.cases.walkIn({
      matterCode: building,
      applicant: {
        kind: 'ORGANIZATION',
        name: '示范建设有限公司',
        idNumber: demoCreditCode(990, '91'),
        contactName: '李',
        phone: '13912345678',
      },
      materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
    });
    const got = await call('GET', `/cases/${mine.id}`, { token });
    expect(got).toMatchObject({ status: 200, body: { id: mine.id, departmentId: clerk.me.departmentId } });
    expect(await call('GET', `/cases/${theirs.id}`, { token })).toMatchObject({
      status: 404,
      body: { code: ErrorCode.CASE_NOT_FOUND },
    });
    const list = await call('GET', '/cases', { token });
    expect(list.body.items.every((c: CaseDto) => c.departmentId === clerk.me.departmentId)).toBe(true);
    // Not a scope it holds; not a route for machines.
    const decide = await call('POST', `/cases/${mine.id}/decision`, {
      token,
      key: 'k-d',
      body: { approve: true, reason: '准予' },
    });
    expect(decide).toMatchObject({ status: 403, body: { code: ErrorCode.AUTH_SCOPE_MISSING } });
    const staffRoute = await fetch(`${base}/api/cases/${mine.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(staffRoute.status).toBe(403);
    expect((await staffRoute.json()).code).toBe(ErrorCode.AUTH_MACHINE_ONLY);
    // And people cannot call the machine routes.
    await expectApiError(clerk.request('GET', '/integration/v1/cases'), 403, ErrorCode.AUTH_MACHINE_ONLY);
  });

  it('follow a change feed that resumes from its cursor with nothing missed or repeated', async () => {
    const { body } = await tokenFor(client.clientId, client.secret);
    const token = body.access_token as string;
    const all: string[] = [];
    let cursor = '0-0';
    for (;;) {
      const page = await call('GET', `/events?after=${cursor}&limit=7`, { token });
      expect(page.status).toBe(200);
      all.push(...page.body.events.map((e: { cursor: string }) => e.cursor));
      if (!page.body.events.length) break;
      cursor = page.body.next;
    }
    const before = all.length;
    for (let i = 0; i < 12; i++) await walkIn(clerk, 10 + i);
    for (;;) {
      const page = await call('GET', `/events?after=${cursor}&limit=5`, { token });
      all.push(...page.body.events.map((e: { cursor: string }) => e.cursor));
      if (!page.body.events.length) break;
      cursor = page.body.next;
    }
    expect(all.length - before).toBe(12);
    expect(new Set(all).size).toBe(all.length);
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_event WHERE department_id = $1`, [
      clerk.me.departmentId,
    ]);
    expect(all.length).toBe(n);
    expect((await call('GET', '/events?after=garbage', { token })).body.code).toBe(ErrorCode.EVENT_CURSOR_INVALID);
  });

  it('follow a change feed across 1,000 changes made while it is read: each once, in commit order', async () => {
    const { body } = await tokenFor(client.clientId, client.secret);
    const token = body.access_token as string;
    const drain = async (from: string, into: string[]) => {
      let cursor = from;
      for (;;) {
        const page = await call('GET', `/events?after=${cursor}&limit=37`, { token });
        expect(page.status).toBe(200);
        into.push(...page.body.events.map((e: { cursor: string }) => e.cursor));
        cursor = page.body.next;
        if (!page.body.events.length) return cursor;
      }
    };
    const before: string[] = [];
    const start = await drain('0-0', before);
    const read: string[] = [];
    let writing = true;
    // The reader keeps paging while ten writers commit 500 receipts and their 500 acceptances.
    const reader = (async () => {
      let cursor = start;
      while (writing) cursor = await drain(cursor, read);
      await drain(cursor, read);
    })();
    await Promise.all(
      Array.from({ length: 10 }, async (_, w) => {
        for (let i = 0; i < 50; i++) {
          const c = await walkIn(clerk, 1000 + w * 50 + i);
          await clerk.cases.accept(c.id, {});
        }
      }),
    );
    writing = false;
    await reader;
    expect(read).toHaveLength(1000);
    expect(new Set(read).size).toBe(1000);
    const key = (c: string) => c.split('-').map(Number);
    const sorted = [...read].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
    expect(read).toEqual(sorted);
  }, 180_000);

  it('push under an Idempotency-Key: required, replayed, refused for another body; the state machine binds them too', async () => {
    const { body } = await tokenFor(client.clientId, client.secret);
    const token = body.access_token as string;
    const c = await clerk.cases.accept((await walkIn(clerk, 40)).id, {});
    const review = { agree: true, opinion: '业务系统审查通过' };
    expect((await call('POST', `/cases/${c.id}/review`, { token, body: review })).body.code).toBe(
      ErrorCode.IDEMPOTENCY_KEY_REQUIRED,
    );
    const first = await call('POST', `/cases/${c.id}/review`, { token, body: review, key: 'rev-40' });
    expect(first.status).toBe(200);
    expect(first.body.tasks.find((x: { kind: string }) => x.kind === 'REVIEW').state).toBe('DONE');
    const again = await call('POST', `/cases/${c.id}/review`, { token, body: review, key: 'rev-40' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await call('POST', `/cases/${c.id}/review`, {
      token,
      body: { ...review, opinion: '改了' },
      key: 'rev-40',
    });
    expect(other).toMatchObject({ status: 422, body: { code: ErrorCode.IDEMPOTENCY_KEY_REUSED } });
    // A second review under a new key: refused as the SPA's is, and the refusal is replayed as it was.
    const twice = await call('POST', `/cases/${c.id}/review`, { token, body: review, key: 'rev-40b' });
    const spa = await expectApiError(clerk.cases.review(c.id, review), 409);
    expect(twice).toMatchObject({ status: 409, body: { code: spa.code } });
    expect((await call('POST', `/cases/${c.id}/review`, { token, body: review, key: 'rev-40b' })).body.code).toBe(
      spa.code,
    );
    // A blank opinion is a 400 here as well.
    expect(
      (await call('POST', `/cases/${c.id}/review`, { token, body: { agree: true, opinion: ' ' }, key: 'x' })).status,
    ).toBe(400);
    const steps = (await clerk.cases.get(c.id)).steps.filter((s) => s.action === 'REVIEW');
    expect(steps).toHaveLength(1);
    expect(steps[0].actorName).toBe('市场监管业务系统');
  });

  it('a back-dated push is recorded with both times and raises exactly one 体外循环 card', async () => {
    const c = await clerk.cases.accept((await walkIn(clerk, 41)).id, {});
    t.clock.set(at('2026-11-02T15:00:00'));
    const { body } = await tokenFor(client.clientId, client.secret);
    const token = body.access_token as string;
    const occurredAt = '2026-11-02T08:00:00+08:00'; // before the case was even received
    const pushed = await call('POST', `/cases/${c.id}/review`, {
      token,
      key: 'rev-41',
      body: { agree: true, opinion: '已在业务系统办结', occurredAt },
    });
    expect(pushed.status).toBe(200);
    await call('POST', `/cases/${c.id}/review`, {
      token,
      key: 'rev-41',
      body: { agree: true, opinion: '已在业务系统办结', occurredAt },
    });
    const [step] = await t.sql<{ at: Date; details: { occurredAt: string } }>(
      `SELECT at, details FROM case_step WHERE case_id = $1 AND action = 'REVIEW'`,
      [c.id],
    );
    expect(new Date(step.details.occurredAt).toISOString()).toBe(new Date(occurredAt).toISOString());
    // The record's own time is the server's, when the push arrived.
    expect(new Date(step.at).getTime()).toBeGreaterThanOrEqual(at('2026-11-02T15:00:00').getTime());
    const cards = await t.sql<{ reason: string; level: string }>(
      `SELECT reason, level FROM supervision_card WHERE case_id = $1`,
      [c.id],
    );
    expect(cards).toEqual([{ reason: 'OFF_BOOK', level: 'RED' }]);
    // The card is an event of the department's feed, after the step that raised it.
    const feed: { type: string; data: { level?: string; reason?: string; action?: string } }[] = [];
    for (let cursor = '0-0'; ;) {
      const page = await call('GET', `/events?after=${cursor}&limit=100`, { token });
      if (!page.body.events.length) break;
      feed.push(...page.body.events.filter((e: { caseId: string }) => e.caseId === c.id));
      cursor = page.body.next;
    }
    expect(feed.map((e) => e.type).slice(-2)).toEqual(['case.review', 'card.issued']);
    expect(feed.at(-1)!.data).toMatchObject({ level: 'RED', reason: 'OFF_BOOK' });

    // A second back-dated push on the case goes through like the first (the case keeps its one 体外循环 card), and a
    // push that says it acted before the case's previous step is carded although it is within the window.
    const approver = await t.loginAs('scjg.approver');
    await approver.cases.decide(c.id, { approve: true, reason: '符合条件' });
    const delivered = await call('POST', `/cases/${c.id}/delivery`, {
      token,
      key: 'del-41',
      body: { method: 'PICKUP', certificateNo: 'JY13301060000041', occurredAt },
    });
    expect(delivered.status).toBe(200);
    expect(delivered.body.state).toBe('COMPLETED');
    expect(await t.sql(`SELECT reason FROM supervision_card WHERE case_id = $1`, [c.id])).toEqual([
      { reason: 'OFF_BOOK' },
    ]);

    const c2 = await clerk.cases.accept((await walkIn(clerk, 42)).id, {});
    const accepted = new Date((await clerk.cases.get(c2.id)).steps.at(-1)!.at);
    const justBefore = new Date(accepted.getTime() - 60_000).toISOString(); // a minute before acceptance
    expect(
      (
        await call('POST', `/cases/${c2.id}/review`, {
          token,
          key: 'rev-42',
          body: { agree: true, opinion: '同意', occurredAt: justBefore },
        })
      ).status,
    ).toBe(200);
    expect(await t.sql(`SELECT reason FROM supervision_card WHERE case_id = $1`, [c2.id])).toEqual([
      { reason: 'OFF_BOOK' },
    ]);
  });

  it('keep a key while its original runs (409), take over one abandoned for a minute, and keep answers 24 h', async () => {
    const { body } = await tokenFor(client.clientId, client.secret);
    const token = body.access_token as string;
    const c = await clerk.cases.accept((await walkIn(clerk, 43)).id, {});
    const review = { agree: true, opinion: '业务系统审查通过' };
    const first = await call('POST', `/cases/${c.id}/review`, { token, body: review, key: 'rev-43' });
    expect(first.status).toBe(200);
    // As if the original were still at work: claimed, no answer kept yet.
    const claimedAt = t.clock.now();
    await t.sql(`UPDATE idempotency_key SET status = NULL, response = NULL, created_at = $2 WHERE key = $1`, [
      'rev-43',
      claimedAt,
    ]);
    const running = await call('POST', `/cases/${c.id}/review`, { token, body: review, key: 'rev-43' });
    expect(running).toMatchObject({ status: 409, body: { code: ErrorCode.IDEMPOTENCY_IN_FLIGHT } });
    expect(running.body.message).toMatch(/[\u4e00-\u9fff]/);
    // After a minute the original counts as abandoned (its process died after its commit): the retry is taken over
    // and meets the state machine, which does not review the case twice.
    t.clock.set(new Date(claimedAt.getTime() + 61_000));
    const takenOver = await call('POST', `/cases/${c.id}/review`, { token, body: review, key: 'rev-43' });
    expect(takenOver.status).toBe(409);
    expect(takenOver.body.code).not.toBe(ErrorCode.IDEMPOTENCY_IN_FLIGHT);
    expect((await clerk.cases.get(c.id)).steps.filter((x) => x.action === 'REVIEW')).toHaveLength(1);

    // An answer is kept 24 h at least: a day later (less a minute) the retry is still the replay.
    const c2 = await clerk.cases.accept((await walkIn(clerk, 44)).id, {});
    const answered = await call('POST', `/cases/${c2.id}/review`, { token, body: review, key: 'rev-44' });
    expect(answered.status).toBe(200);
    const sent = t.clock.now();
    t.clock.set(new Date(sent.getTime() + 24 * 3_600_000 - 60_000));
    const fresh = (await tokenFor(client.clientId, client.secret)).body.access_token as string;
    const replay = await call('POST', `/cases/${c2.id}/review`, { token: fresh, body: review, key: 'rev-44' });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(answered.body);
    // Two days on, a new key clears it.
    t.clock.set(new Date(sent.getTime() + 49 * 3_600_000));
    const later = (await tokenFor(client.clientId, client.secret)).body.access_token as string;
    await call('POST', `/cases/${c2.id}/review`, { token: later, body: review, key: 'rev-44-later' });
    expect(await t.sql(`SELECT key FROM idempotency_key WHERE key = 'rev-44'`)).toEqual([]);
  });

  it('are held to their own rate per minute (429 with Retry-After), and a rotation with overlap keeps the old secret until it ends', async () => {
    const departments = await t.client().org.listDepartments();
    const created = await admin.integration.create({
      name: '限流测试系统',
      ownerKind: 'DEPARTMENT',
      departmentId: departments.find((d) => d.code === 'SCJG')!.id,
      scopes: ['cases:read'],
      contactName: '王工程师',
      contactPhone: '13900000000',
      ratePerMinute: 3,
    });
    const token = (await tokenFor(created.client.clientId, created.clientSecret)).body.access_token as string;
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await call('GET', '/cases', { token }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers[3].body.code).toBe(ErrorCode.RATE_LIMITED);
    expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not held back by this one's use.
    const other = (await tokenFor(client.clientId, client.secret)).body.access_token as string;
    expect((await call('GET', '/cases', { token: other })).status).toBe(200);

    const rotated = await admin.integration.rotate(created.client.id, { overlapHours: 2 });
    expect(rotated.clientSecret).not.toBe(created.clientSecret);
    expect((await tokenFor(created.client.clientId, created.clientSecret)).status).toBe(200);
    expect((await tokenFor(created.client.clientId, rotated.clientSecret)).status).toBe(200);
    t.clock.set(new Date(t.clock.now().getTime() + 2 * 3_600_000 + 60_000));
    expect((await tokenFor(created.client.clientId, created.clientSecret)).status).toBe(401);
    expect((await tokenFor(created.client.clientId, rotated.clientSecret)).status).toBe(200);
  });

  it('are revoked at once: the token held stops working and no new one is given', async () => {
    [admin] = await Promise.all([t.loginAs('admin')]);
    const { body } = await tokenFor(client.clientId, client.secret);
    const token = body.access_token as string;
    expect((await call('GET', '/cases', { token })).status).toBe(200);
    await admin.integration.revoke(client.id, { reason: '系统下线' });
    expect((await call('GET', '/cases', { token })).status).toBe(401);
    expect((await tokenFor(client.clientId, client.secret)).status).toBe(401);
  });
});
