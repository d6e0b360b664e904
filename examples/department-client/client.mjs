// 市公安局's own 户籍 business system talking to OneWindow (一窗通办) over /api/integration/v1, in plain Node: the
// department works its cases through the API and never opens the back office.
//
//   1. gets an access token by OAuth 2.0 client credentials;
//   2. starts a small HTTP receiver and subscribes it to the department's events (Standard Webhooks);
//   3. reads the change feed from its saved cursor (a system that was down resumes exactly where it stopped);
//   4. works every case of the department that waits for it: pushes the review opinion (审查), the decision (决定) and
//      the delivery with the certificate number (送达), each under an Idempotency-Key, and sends the first push again to
//      show that a retry is answered with the original result, not done twice;
//   5. verifies each webhook that arrives with the `standardwebhooks` library, and refuses a forged one.
//
// Run it against the demo (`npm start` at the repository root, then, in another terminal):
//   node examples/department-client/client.mjs            one pass, then exit
//   node examples/department-client/client.mjs --serve    stay beside the demo: every case 公安's window accepts
//                                                          (walk in 户口迁移（市内） as gaj.clerk) is worked at once
// Settings (environment): ONEWINDOW_URL (http://localhost:3000), CLIENT_ID and CLIENT_SECRET (the demo's 市公安局
// client), RECEIVER_HOST (127.0.0.1), CURSOR_FILE (./.onewindow-cursor), WAIT_SECONDS (how long to wait for webhooks, 20).
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { Webhook } from 'standardwebhooks';

const BASE = (process.env.ONEWINDOW_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const API = `${BASE}/api/integration/v1`;
const CLIENT_ID = process.env.CLIENT_ID ?? 'owc_demo_gaj';
const CLIENT_SECRET = process.env.CLIENT_SECRET ?? 'ows_demo_gaj_Demo2026';
const SERVE = process.argv.includes('--serve');
const CURSOR_FILE = process.env.CURSOR_FILE ?? '.onewindow-cursor';
const WAIT_SECONDS = Number(process.env.WAIT_SECONDS ?? 20);

const log = (...args) => console.log(new Date().toISOString().slice(11, 19), ...args);

/** OAuth 2.0 client credentials (RFC 6749 §4.4): a short-lived bearer token. */
async function getToken() {
  const res = await fetch(`${API}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`token refused: ${res.status} ${body.code} ${body.message}`);
  log(`token: ${body.token_type}, ${body.expires_in} s, scopes ${body.scope}`);
  return body.access_token;
}

/** One call; errors come back as { code, message } with an HTTP 4xx. Every POST carries an Idempotency-Key. */
async function call(token, method, path, body, idempotencyKey) {
  const res = await fetch(`${API}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (res.status === 429) {
    const wait = Number(res.headers.get('retry-after') ?? 1);
    log(`rate limited; waiting ${wait} s`);
    await new Promise((r) => setTimeout(r, wait * 1000));
    return call(token, method, path, body, idempotencyKey);
  }
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  return { status: res.status, replayed: res.headers.get('idempotent-replayed') === 'true', data };
}

/** A receiver for Standard Webhooks: the raw body and the three headers are verified before anything is trusted. */
function startReceiver(onEvent) {
  let verifier = null;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (!verifier) return res.writeHead(503).end();
      try {
        // Checks the HMAC-SHA256 signature (any of several during a secret rotation) and that the timestamp is recent.
        const event = verifier.verify(raw, {
          'webhook-id': req.headers['webhook-id'],
          'webhook-timestamp': req.headers['webhook-timestamp'],
          'webhook-signature': req.headers['webhook-signature'],
        });
        res.writeHead(204).end();
        onEvent(req.headers['webhook-id'], event);
      } catch (e) {
        log(`refused an unverifiable webhook: ${e.message}`);
        res.writeHead(400).end();
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, process.env.RECEIVER_HOST ?? '127.0.0.1', () =>
      resolve({
        url: `http://${process.env.RECEIVER_HOST ?? '127.0.0.1'}:${server.address().port}/onewindow/events`,
        useSecret: (secret) => (verifier = new Webhook(secret)),
        close: () => new Promise((r) => server.close(r)),
      }),
    ),
  );
}

async function readFeed(token) {
  let cursor = await readFile(CURSOR_FILE, 'utf8').then(
    (s) => s.trim(),
    () => '0-0',
  );
  let count = 0;
  for (;;) {
    const page = await call(token, 'GET', `/events?after=${encodeURIComponent(cursor)}&limit=100`);
    if (page.status !== 200) throw new Error(`feed: ${page.status} ${page.data.code} ${page.data.message}`);
    for (const e of page.data.events) {
      count++;
      if (count <= 5) log(`  feed ${e.cursor} ${e.type} case ${e.data.caseNo ?? e.data.receiptNo ?? e.caseId ?? '—'}`);
    }
    cursor = page.data.next;
    // Saved after each page: a restart resumes here, with nothing missed and nothing seen twice.
    await writeFile(CURSOR_FILE, cursor);
    if (!page.data.events.length) break;
  }
  log(`feed: ${count} new event(s); cursor now ${cursor} (saved in ${CURSOR_FILE})`);
}

/** The next push a case waits for from the department's system, or null. */
function nextPush(c) {
  const open = (kind) => c.tasks?.some((t) => t.kind === kind && t.state === 'OPEN');
  if (c.state === 'IN_REVIEW' && open('REVIEW'))
    return ['review', { agree: true, opinion: '经户籍业务系统核查，材料齐全，符合迁移条件' }];
  if (c.state === 'IN_REVIEW' && open('DECIDE') && c.handlingKind !== 'REPORT_UP')
    return ['decision', { approve: true, reason: '符合本市户口迁移政策规定的条件，准予迁移' }];
  if (c.state === 'APPROVED')
    return ['delivery', { method: 'PICKUP', certificateNo: `HJ${c.caseNo.replace(/\D/g, '')}` }];
  if (c.state === 'DENIED') return ['delivery', { method: 'PICKUP' }];
  return null;
}

/** Works every case of the department that waits for it, step after step, until none does; the cases it completed. */
async function workCases(token, state) {
  const completed = [];
  for (;;) {
    const queue = await call(token, 'GET', '/cases?pageSize=100');
    if (queue.status !== 200) throw new Error(`cases: ${queue.status} ${queue.data.code} ${queue.data.message}`);
    let pushed = 0;
    for (const item of queue.data.items) {
      const c = (await call(token, 'GET', `/cases/${item.id}`)).data;
      const push = nextPush(c);
      if (!push) continue;
      const [step, body] = push;
      const key = randomUUID();
      const res = await call(token, 'POST', `/cases/${c.id}/${step}`, body, key);
      if (res.status !== 200) {
        log(`  ${step} on ${c.caseNo} refused: ${res.status} ${res.data.code} ${res.data.message}`);
        continue;
      }
      pushed++;
      log(`${step} pushed on ${c.caseNo} (Idempotency-Key ${key}): now ${res.data.state}`);
      if (!state.replayShown) {
        // A network failure after sending leaves the client unsure: it sends again with the same key, and gets the
        // original answer back, marked as a replay, with nothing done twice.
        const retry = await call(token, 'POST', `/cases/${c.id}/${step}`, body, key);
        log(`same key again: HTTP ${retry.status}, replayed ${retry.replayed}`);
        state.replayShown = true;
      }
      if (res.data.state === 'COMPLETED') completed.push(res.data);
    }
    if (!pushed) return completed;
  }
}

async function main() {
  const token = await getToken();
  const arrived = new Map();
  let wake = null;
  const receiver = await startReceiver((id, event) => {
    if (arrived.has(id)) return log(`  webhook ${id} again (at-least-once delivery: handled once)`);
    arrived.set(id, event);
    log(`  webhook ${id} verified: ${event.type} case ${event.data.caseNo ?? event.data.caseId ?? '—'}`);
    wake?.();
  });

  const sub = await call(
    token,
    'POST',
    '/webhooks',
    { url: receiver.url, eventTypes: ['case.*', 'subtask.*', 'card.*'], description: '示例：公安户籍业务系统接收端' },
    randomUUID(),
  );
  if (sub.status !== 201 && sub.status !== 200)
    throw new Error(`subscribe: ${sub.status} ${sub.data.code} ${sub.data.message}`);
  // The signing secret is shown once, on creation (and on rotation): keep it as a secret.
  receiver.useSecret(sub.data.secret);
  log(`subscribed ${receiver.url} (${sub.data.endpoint.id}) to ${sub.data.endpoint.eventTypes.join(', ')}`);
  const unsubscribe = async () => {
    // A real system keeps its subscription; the example removes its own so that runs do not pile up.
    await call(token, 'PATCH', `/webhooks/${sub.data.endpoint.id}`, { enabled: false });
    await receiver.close();
  };

  await readFeed(token);
  const forged = await fetch(receiver.url, {
    method: 'POST',
    headers: {
      'webhook-id': 'evt_forged',
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': 'v1,AAAA',
    },
    body: '{"type":"case.decide"}',
  });
  log(`a forged webhook gets HTTP ${forged.status}`);

  const state = { replayShown: false };
  const completed = await workCases(token, state);
  if (!completed.length && !SERVE)
    log("no case of the department waits for its system: walk one in at 公安's window (gaj.clerk) and run again");
  for (const c of completed) {
    const until = Date.now() + WAIT_SECONDS * 1000;
    const heard = () => [...arrived.values()].some((e) => e.data.caseId === c.id && e.type === 'case.deliver');
    while (Date.now() < until && !heard()) await new Promise((r) => setTimeout(r, 200));
    if (!heard()) {
      await unsubscribe();
      throw new Error(`no verified webhook of ${c.caseNo}'s delivery within ${WAIT_SECONDS} s`);
    }
    log(`${c.caseNo} completed through the API; its webhooks verified`);
  }
  if (!SERVE) {
    log(`webhooks: ${arrived.size} verified`);
    return unsubscribe();
  }

  // Beside the demo: each event wakes the worker (and a pull every 30 s catches anything missed).
  log('serving: accept a 户口迁移（市内） case as gaj.clerk and watch it worked here; Ctrl-C to stop');
  let stopping = false;
  process.once('SIGINT', async () => {
    stopping = true;
    wake?.();
    await unsubscribe();
    process.exit(0);
  });
  while (!stopping) {
    await new Promise((r) => {
      wake = r;
      setTimeout(r, 30_000);
    });
    if (stopping) break;
    await readFeed(token);
    for (const c of await workCases(token, state)) log(`${c.caseNo} completed through the API`);
  }
}

main().catch((e) => {
  console.error(`failed: ${e.message}`);
  process.exit(1);
});
