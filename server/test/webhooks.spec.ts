import { lookup } from 'node:dns';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, type CaseDto, ErrorCode, type Principal } from '@onewindow/shared';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode } from '../src/demo/demo-seed.js';
import { WebhookSender } from '../src/modules/integration/webhook-sender.js';
import { Failpoints } from '../src/platform/testing/failpoints.js';
import { machineClient } from './helpers/machine-client.js';
import { startServerProcess } from './helpers/server-process.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';
import { SERVER_URL } from './helpers/test-database.js';

// Webhooks to a real HTTP receiver started here, verified with the standardwebhooks library's own verifier.

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  answered: number;
}

/** A receiver that answers what it is told to, and keeps every request. */
async function startReceiver(delayMs = 0) {
  const got: Received[] = [];
  let answer = 200;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const h = req.headers as IncomingHttpHeaders & Record<string, string>;
      const status = answer;
      got.push({
        id: h['webhook-id'],
        timestamp: h['webhook-timestamp'],
        signature: h['webhook-signature'],
        body,
        answered: status,
      });
      setTimeout(
        () => res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'down'),
        delayMs,
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    got,
    answer: (s: number) => (answer = s),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  ms = 20_000,
) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let t: TestApp;
let admin: ApiClient & { me: Principal };
let clerk: ApiClient & { me: Principal };
let zjj: ApiClient & { me: Principal };
let base: string;
let token: string;
let matterCode: string;
let receiver: Receiver;

async function call(method: string, path: string, opts: { body?: unknown; key?: string } = {}) {
  const res = await fetch(`${base}/api/integration/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.key ? { 'idempotency-key': opts.key } : {}),
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const walkIn = (seq: number) =>
  clerk.cases.walkIn({
    matterCode,
    applicant: {
      kind: 'ORGANIZATION',
      name: `示范推送食品有限公司${seq}`,
      idNumber: demoCreditCode(700 + seq, '91'),
      contactName: '张经办',
      phone: '13912345678',
    },
    materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
  });

const delivered = (r: Receiver) => r.got.filter((g) => g.answered === 200);
const parse = (g: Received) => JSON.parse(g.body) as { type: string; data: { caseId: string; seq: number } };

/** A token of a 市场监管 client with webhooks:manage, registered by `admin` on `app`. */
async function clientToken(app: TestApp, by: ApiClient) {
  const departments = await app.client().org.listDepartments();
  const made = await machineClient(app, by, {
    name: '市场监管业务系统',
    ownerKind: 'DEPARTMENT',
    departmentId: departments.find((d) => d.code === 'SCJG')!.id,
    scopes: ['cases:read', 'webhooks:manage'],
  });
  return made.token;
}

beforeAll(async () => {
  t = await startTestApp({
    WEBHOOK_WORKER: 'true',
    WEBHOOK_POLL_MS: '20',
    WEBHOOK_RETRY_SECONDS: '0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3',
  });
  base = t.baseUrl;
  [admin, clerk, zjj] = await Promise.all(['admin', 'scjg.clerk', 'zjj.clerk'].map((l) => t.loginAs(l)));
  [{ code: matterCode }] = await t.sql<{ code: string }>(
    `SELECT m.code FROM matter m JOIN matter_version v ON v.matter_id = m.id WHERE v.status = 'PUBLISHED' AND v.content->>'name' = '食品经营许可'`,
  );
  token = await clientToken(t, admin);
  receiver = await startReceiver();
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

describe('webhooks', () => {
  let endpointId: string;
  let secret: string;

  it('are subscribed under an Idempotency-Key, with a whsec_ secret shown once and a URL and types checked', async () => {
    const body = { url: receiver.url, eventTypes: ['case.*'], description: '办件变更' };
    expect((await call('POST', '/webhooks', { body })).body.code).toBe(ErrorCode.IDEMPOTENCY_KEY_REQUIRED);
    const bad = await call('POST', '/webhooks', { body: { url: 'ftp://x', eventTypes: ['cases'] }, key: 'w-bad' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields).toHaveProperty('eventTypes');
    const badUrl = await call('POST', '/webhooks', { body: { url: 'ftp://x', eventTypes: ['*'] }, key: 'w-bad2' });
    expect(badUrl).toMatchObject({ status: 400, body: { code: ErrorCode.WEBHOOK_URL_REFUSED } });
    expect(badUrl.body.message).toContain('推送地址');
    const made = await call('POST', '/webhooks', { body, key: 'w-1' });
    expect(made.status).toBe(201);
    expect(made.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(made.body.endpoint).toMatchObject({ url: receiver.url, eventTypes: ['case.*'], status: 'ACTIVE' });
    const again = await call('POST', '/webhooks', { body, key: 'w-1' });
    expect(again.body).toEqual(made.body);
    expect((await call('GET', '/webhooks')).body).toHaveLength(1);
    endpointId = made.body.endpoint.id;
    secret = made.body.secret;
    // The stored secret is not the secret.
    const [row] = await t.sql<{ secret: string }>(`SELECT secret FROM webhook_endpoint WHERE id = $1`, [endpointId]);
    expect(row.secret).not.toContain(secret.slice(6, 20));
  });

  it('deliver each change of the department’s cases signed after Standard Webhooks, and nothing of another’s', async () => {
    const c = await walkIn(1);
    await clerk.cases.accept(c.id, {});
    const mine = await until('two deliveries', () => {
      const d = delivered(receiver).filter((g) => parse(g).data.caseId === c.id);
      return d.length >= 2 && d;
    });
    const wh = new Webhook(secret);
    for (const g of mine) {
      const verified = wh.verify(g.body, {
        'webhook-id': g.id,
        'webhook-timestamp': g.timestamp,
        'webhook-signature': g.signature,
      }) as { type: string; timestamp: string; data: Record<string, unknown> };
      expect(verified.data.caseId).toBe(c.id);
      expect(g.id).toMatch(/^evt_\d+$/);
    }
    expect(mine.map((g) => parse(g).type)).toEqual(['case.submit', 'case.accept']);
    // A tampered body or a wrong secret does not verify.
    expect(() =>
      wh.verify(mine[0].body.replace('case.submit', 'case.refuse'), {
        'webhook-id': mine[0].id,
        'webhook-timestamp': mine[0].timestamp,
        'webhook-signature': mine[0].signature,
      }),
    ).toThrow();
    // Another department's case is never delivered here.
    const [{ code: building }] = await t.sql<{ code: string }>(
      `SELECT m.code FROM matter m JOIN matter_version v ON v.matter_id = m.id WHERE v.status = 'PUBLISHED' AND v.content->>'name' = '建筑工程施工许可证核发'`,
    );
    const theirs = await zjj.cases.walkIn({
      matterCode: building,
      applicant: {
        kind: 'ORGANIZATION',
        name: '示范建设有限公司',
        idNumber: demoCreditCode(991, '91'),
        contactName: '李',
        phone: '13912345678',
      },
      materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
    });
    const marker = await walkIn(2);
    await until('the marker case', () => delivered(receiver).some((g) => parse(g).data.caseId === marker.id));
    expect(receiver.got.some((g) => parse(g).data.caseId === theirs.id)).toBe(false);
  });

  it('are retried while the receiver answers 500 and all arrive once it recovers: none lost, none twice, in order per case', async () => {
    const start = receiver.got.length;
    receiver.answer(500);
    const cases: CaseDto[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await walkIn(10 + i);
      cases.push(await clerk.cases.accept(c.id, {}));
    }
    // Each first event is tried again and again; the accepts wait behind their cases' receipts.
    await until('retries', () => {
      const tries = receiver.got.slice(start).filter((g) => g.answered === 500);
      return new Set(tries.map((g) => g.id)).size >= 6 && tries.length >= 18;
    });
    const failing = receiver.got.slice(start);
    expect(failing.every((g) => parse(g).type === 'case.submit')).toBe(true);
    const page = await call('GET', `/webhooks/${endpointId}/deliveries?status=PENDING`);
    expect(page.body.total).toBe(12);
    const one = page.body.items.find((d: { attempts: number }) => d.attempts > 0);
    const detail = await call('GET', `/webhook-deliveries/${one.id}`);
    expect(detail.body.attemptLog.length).toBeGreaterThan(0);
    expect(detail.body.attemptLog[0]).toMatchObject({ status: 500, responseBody: 'down', manual: false });
    receiver.answer(200);
    await until('every event once recovered', () => {
      const ok = delivered(receiver).filter((g) => cases.some((c) => c.id === parse(g).data.caseId));
      return ok.length >= 12 && ok;
    });
    await new Promise((r) => setTimeout(r, 400));
    const ok = delivered(receiver).filter((g) => cases.some((c) => c.id === parse(g).data.caseId));
    expect(ok).toHaveLength(12);
    expect(new Set(ok.map((g) => g.id)).size).toBe(12);
    for (const c of cases)
      expect(ok.filter((g) => parse(g).data.caseId === c.id).map((g) => parse(g).type)).toEqual([
        'case.submit',
        'case.accept',
      ]);
    // What was delivered is exactly what the feed holds for those cases.
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_event WHERE case_id = ANY($1)`, [
      cases.map((c) => c.id),
    ]);
    expect(n).toBe(12);
    expect((await call('GET', `/webhooks/${endpointId}/deliveries?status=PENDING`)).body.total).toBe(0);
  });

  it('publish nothing for a change that rolled back', async () => {
    const c = await walkIn(30);
    await until('the receipt', () => delivered(receiver).some((g) => parse(g).data.caseId === c.id));
    t.running.app.get(Failpoints).arm('ledger.step-written');
    await expectApiError(clerk.cases.accept(c.id, {}), 500);
    const marker = await walkIn(31);
    await until('the marker case', () => delivered(receiver).some((g) => parse(g).data.caseId === marker.id));
    expect(receiver.got.filter((g) => parse(g).data.caseId === c.id).map((g) => parse(g).type)).toEqual([
      'case.submit',
    ]);
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_event WHERE case_id = $1`, [
      c.id,
    ]);
    expect(n).toBe(1);
  });

  it('sign with the old and the new secret during a rotation, and redeliver by hand', async () => {
    const rotated = await call('POST', `/webhooks/${endpointId}/rotate-secret`, {
      body: { overlapHours: 24 },
      key: 'rot-1',
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(secret);
    expect(rotated.body.endpoint.previousSecretUntil).not.toBeNull();
    const c = await walkIn(40);
    const [g] = await until('a delivery', () => {
      const d = delivered(receiver).filter((x) => parse(x).data.caseId === c.id);
      return d.length > 0 && d;
    });
    expect(g.signature.split(' ')).toHaveLength(2);
    const headers = { 'webhook-id': g.id, 'webhook-timestamp': g.timestamp, 'webhook-signature': g.signature };
    expect(() => new Webhook(secret).verify(g.body, headers)).not.toThrow();
    expect(() => new Webhook(rotated.body.secret).verify(g.body, headers)).not.toThrow();
    // Redeliver through the back office: one more request with the same webhook-id, logged as manual.
    const page = await admin.integration.deliveries(endpointId);
    const d = page.items.find((x) => x.messageId === g.id)!;
    const before = receiver.got.filter((x) => x.id === g.id).length;
    const again = await admin.integration.redeliver(d.id);
    expect(again.status).toBe('DELIVERED');
    expect(again.attemptLog.at(-1)).toMatchObject({ manual: true, status: 200 });
    expect(receiver.got.filter((x) => x.id === g.id)).toHaveLength(before + 1);
    // A client sees only its own subscriptions' deliveries.
    await expectApiError(clerk.request('GET', `/integration/webhooks/${endpointId}/deliveries`), 403);
  });

  it('stop at 410 Gone: the subscription is disabled and says why', async () => {
    const gone = await startReceiver();
    gone.answer(410);
    const made = await call('POST', '/webhooks', {
      body: { url: gone.url, eventTypes: ['case.submit'] },
      key: 'w-410',
    });
    await walkIn(50);
    await until('the 410', () => gone.got.length > 0);
    const list = await until('disabled', async () => {
      const l = (await call('GET', '/webhooks')).body as { id: string; status: string; disabledReason: string }[];
      return l.find((e) => e.id === made.body.endpoint.id && e.status === 'DISABLED');
    });
    expect(list.disabledReason).toContain('410');
    await walkIn(51);
    await new Promise((r) => setTimeout(r, 300));
    expect(gone.got).toHaveLength(1);
    await gone.close();
  });
});

describe('webhook URLs outside demo and test (SSRF)', () => {
  // A name service where rebind.example.cn resolves to loopback, as a rebinding attacker's DNS would answer.
  const rebinding = ((host: string, opts: object, cb: (e: null, a: { address: string; family: number }[]) => void) =>
    host === 'rebind.example.cn'
      ? cb(null, [{ address: '127.0.0.1', family: 4 }])
      : lookup(host, { ...opts, all: true }, cb as never)) as unknown as typeof lookup;
  const sender = new WebhookSender({ allowPrivate: false, timeoutMs: 2_000 }, rebinding);
  afterAll(() => sender.close());

  it('refuse loopback, private and link-local addresses, literal or behind a name', async () => {
    for (const url of [
      'http://127.0.0.1/x',
      'http://10.1.2.3/',
      'http://192.168.0.1/',
      'http://169.254.169.254/latest',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://localhost:80/',
    ])
      expect(() => sender.check(url), url).toThrow(/内网|本机/);
    expect(() => sender.check('https://gaj.example.gov.cn/hook')).not.toThrow();
    // A name that resolves to loopback is refused when connecting (DNS rebinding), and nothing reaches the receiver.
    const r = await startReceiver();
    const port = new URL(r.url).port;
    const res = await sender.send(`http://rebind.example.cn:${port}/hook`, {}, '{}');
    expect(res.status).toBeNull();
    expect(res.error).toMatch(/内网|本机/);
    expect(r.got).toHaveLength(0);
    await r.close();
  });
});

describe.skipIf(!SERVER_URL)('webhooks from several server instances on one PostgreSQL database', () => {
  it('deliver each event once, in order per case, whichever instance takes it', async () => {
    const r = await startReceiver(30);
    const sub = await call('POST', '/webhooks', { key: 'multi-sub', body: { url: r.url, eventTypes: ['case.*'] } });
    expect(sub.status).toBe(201);
    // Two more instances beside this test's own, all three fanning out and sending.
    const env = { DATABASE_URL: t.databaseUrl!, WEBHOOK_WORKER: 'true', WEBHOOK_POLL_MS: '20' };
    const servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 15; i++) {
        const c = await walkIn(250 + i);
        await clerk.cases.accept(c.id, {});
        ids.push(c.id);
      }
      const mine = () => delivered(r).filter((g) => ids.includes(parse(g).data.caseId));
      await until('30 deliveries', () => mine().length >= 30, 30_000);
      await new Promise((res) => setTimeout(res, 1_000)); // a second delivery of any would have come by now
      const got = mine();
      expect(got).toHaveLength(30);
      expect(new Set(got.map((g) => g.id)).size).toBe(30);
      for (const id of ids)
        expect(got.filter((g) => parse(g).data.caseId === id).map((g) => parse(g).type)).toEqual([
          'case.submit',
          'case.accept',
        ]);
      const verifier = new Webhook(sub.body.secret);
      for (const g of got)
        verifier.verify(g.body, {
          'webhook-id': g.id,
          'webhook-timestamp': g.timestamp,
          'webhook-signature': g.signature,
        });
      // The other instances did take part: their own counters show what they delivered.
      const deliveredBy = async (url: string) => {
        const text = await (await fetch(`${url}/api/metrics`)).text();
        return Number(/onewindow_webhook_attempts_total\{outcome="delivered"\} (\d+)/.exec(text)?.[1] ?? 0);
      };
      const counts = await Promise.all(servers.map((sv) => deliveredBy(sv.baseUrl)));
      expect(counts[0] + counts[1]).toBeGreaterThan(0);
    } finally {
      await Promise.all(servers.map((sv) => sv.stop()));
      await r.close();
    }
  });
});

describe('a receiver back after an outage', () => {
  let app: TestApp;
  afterAll(() => app?.close());

  it('gets what waited for it at once, not at the next step of an hours-long schedule', async () => {
    // Retries an hour apart: without the recovery rule nothing failed would come back within this test.
    app = await startTestApp({ WEBHOOK_WORKER: 'true', WEBHOOK_POLL_MS: '20', WEBHOOK_RETRY_SECONDS: '3600,3600' });
    const [boss, desk] = await Promise.all(['admin', 'scjg.clerk'].map((l) => app.loginAs(l)));
    const own = await clientToken(app, boss);
    const down = await startReceiver();
    down.answer(503);
    const sub = await fetch(`${app.baseUrl}/api/integration/v1/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${own}`, 'content-type': 'application/json', 'idempotency-key': 'outage' },
      body: JSON.stringify({ url: down.url, eventTypes: ['case.*'] }),
    }).then((r) => r.json());
    const walk = (seq: number) =>
      desk.cases.walkIn({
        matterCode,
        applicant: {
          kind: 'ORGANIZATION',
          name: `示范恢复食品有限公司${seq}`,
          idNumber: demoCreditCode(800 + seq, '91'),
          contactName: '张经办',
          phone: '13912345678',
        },
        materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
      });
    const during = [];
    for (let i = 0; i < 5; i++) during.push(await walk(i));
    await until('five failed attempts', () => down.got.length >= 5);
    const failing = async () => (await boss.integration.webhooks()).find((w) => w.id === sub.endpoint.id)!.failingSince;
    expect(await failing()).not.toBeNull();
    const [{ waiting }] = await app.sql<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM webhook_delivery WHERE endpoint_id = $1 AND status = 'PENDING' AND next_attempt_at > now() + interval '30 minutes'`,
      [sub.endpoint.id],
    );
    expect(waiting).toBe(5);

    down.answer(200);
    const after = await walk(9);
    const ids = [...during, after].map((c) => c.id);
    await until(
      'all six delivered',
      () => ids.every((id) => delivered(down).some((g) => parse(g).data.caseId === id)),
      10_000,
    );
    expect(await failing()).toBeNull();
    await down.close();
  });
});
