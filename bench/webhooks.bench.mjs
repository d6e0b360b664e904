// Webhook delivery on PostgreSQL, beside a baseline measured in the same run: the receiver's own ceiling (the same
// number of signed-size POSTs sent straight at it, 64 at a time, as the sender's connection pool allows).
//   throughput: BENCH_EVENTS events of BENCH_CASES cases (in order per case) delivered to one subscription, from the
//   moment they commit to the last one received, as a share of the baseline's rate;
//   latency: commit to receipt, p50 and p99, for the burst and for one event at rest;
//   and with two more server instances (three in all) the same, each event received once.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { scratchDatabase, startServer } from './lib/server.mjs';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const CASES = Number(process.env.BENCH_CASES ?? 500);
const pct = (xs, p) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** A receiver answering 204 at once, noting when each webhook-id arrived (and how often). */
async function receiver() {
  const got = new Map();
  let count = 0;
  let onAll = null;
  let expected = Infinity;
  let down = false;
  const server = http.createServer({ keepAlive: true }, (req, res) => {
    req.resume();
    req.on('end', () => {
      if (down) return res.writeHead(503).end();
      const id = req.headers['webhook-id'];
      got.set(id, [...(got.get(id) ?? []), performance.now()]);
      res.writeHead(204).end();
      if (++count >= expected) onAll?.();
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/hook`,
    got,
    setDown: (v) => (down = v),
    reset() {
      got.clear();
      count = 0;
    },
    all: (n) =>
      new Promise((r) => {
        expected = n;
        onAll = r;
        if (count >= n) r();
      }),
    close: () => new Promise((r) => server.close(r)),
  };
}

async function baseline(url, n, body) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const t0 = performance.now();
  let next = 0;
  const one = () =>
    new Promise((resolve, reject) => {
      const req = http.request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'webhook-id': `base_${next}` } },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < n) {
        next++;
        await one();
      }
    }),
  );
  agent.destroy();
  return n / ((performance.now() - t0) / 1000);
}

const scratch = await scratchDatabase(SERVER, 'webhooks');
const db = new pg.Client({ connectionString: scratch.url });
const env = {
  DATABASE_URL: scratch.url,
  DB_POOL_SIZE: '10',
  SEED_DEMO: 'true',
  WEBHOOK_WORKER: 'true',
  WEBHOOK_POLL_MS: '50',
};
const server = await startServer(env);
const extra = [];
const r = await receiver();
try {
  await db.connect();
  const tokenRes = await fetch(`${server.base}/integration/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'owc_demo_gaj',
      client_secret: 'ows_demo_gaj_Demo2026',
    }),
  });
  const token = (await tokenRes.json()).access_token;
  const sub = await fetch(`${server.base}/integration/v1/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ url: r.url, eventTypes: ['case.*'] }),
  });
  if (sub.status !== 201) throw new Error(`subscribe: ${sub.status} ${await sub.text()}`);
  const gaj = (await db.query(`SELECT id FROM department WHERE code = 'GAJ'`)).rows[0].id;
  const sample = JSON.stringify({
    type: 'case.review',
    timestamp: new Date().toISOString(),
    data: { cursor: '123456-123456', caseId: randomUUID(), caseNo: 'GAJ-20261203-0001', action: 'REVIEW', seq: 3 },
  });

  const base = await baseline(r.url, EVENTS, sample);
  r.reset();

  // Events as the ledger writes them, committed in one transaction (cases interleaved, several events each).
  const publish = async () => {
    const cases = Array.from({ length: CASES }, () => randomUUID());
    await db.query(
      `INSERT INTO outbox_event (type, case_id, department_id, data, occurred_at)
       SELECT 'case.review', c, $2, jsonb_build_object('caseId', c, 'seq', i), now()
       FROM generate_series(0, $1 - 1) i, LATERAL (SELECT ($3::uuid[])[1 + i % $4] AS c) x`,
      [EVENTS, gaj, cases, CASES],
    );
    return performance.now();
  };

  const run = async (label) => {
    r.reset();
    const done = r.all(EVENTS);
    const committed = await publish();
    await done;
    const seconds = (performance.now() - committed) / 1000;
    const latencies = [...r.got.values()].map((ts) => ts[0] - committed);
    const twice = [...r.got.values()].filter((ts) => ts.length > 1).length;
    const rate = EVENTS / seconds;
    console.log(
      `${label}: ${EVENTS} events of ${CASES} cases delivered in ${seconds.toFixed(2)} s = ${rate.toFixed(0)}/s, ` +
        `${(rate / base).toFixed(2)} of the receiver's ceiling (${base.toFixed(0)}/s straight); ` +
        `commit→receipt p50 ${pct(latencies, 50).toFixed(0)} ms, p99 ${pct(latencies, 99).toFixed(0)} ms; ` +
        `received twice: ${twice}`,
    );
  };
  // At rest: one event at a time, commit to receipt (the poll interval bounds it).
  const quiet = async (label, n = 30) => {
    const ms = [];
    for (let i = 0; i < n; i++) {
      r.reset();
      const done = r.all(1);
      const c = randomUUID();
      await db.query(
        `INSERT INTO outbox_event (type, case_id, department_id, data, occurred_at)
         VALUES ('case.review', $1::uuid, $2::uuid, jsonb_build_object('caseId', $1::text), now())`,
        [c, gaj],
      );
      const t0 = performance.now();
      await done;
      ms.push(performance.now() - t0);
    }
    console.log(
      `${label}: one event at rest, commit→receipt p50 ${pct(ms, 50).toFixed(0)} ms, p99 ${pct(ms, 99).toFixed(0)} ms (poll ${env.WEBHOOK_POLL_MS} ms)`,
    );
  };
  await quiet('one instance');
  await run('one instance');

  // At a steady rate: RATE events a second for STEADY_SECONDS, in batches every 100 ms, commit to receipt per event.
  const RATE = Number(process.env.BENCH_RATE ?? 500);
  const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 10);
  const steady = async (label, rate, seconds, during = null) => {
    r.reset();
    const perTick = Math.round(rate / 10);
    const total = perTick * seconds * 10;
    const committedAt = new Map();
    const done = r.all(total);
    const t0 = performance.now();
    for (let tick = 0; tick < seconds * 10; tick++) {
      const ids = (
        await db.query(
          `INSERT INTO outbox_event (type, case_id, department_id, data, occurred_at)
           SELECT 'case.review', gen_random_uuid(), $2::uuid, '{}'::jsonb, now() FROM generate_series(1, $1) RETURNING id`,
          [perTick, gaj],
        )
      ).rows.map((x) => x.id);
      const at = performance.now();
      for (const id of ids) committedAt.set(`evt_${id}`, at);
      await during?.(tick);
      const wait = t0 + (tick + 1) * 100 - performance.now();
      if (wait > 0) await new Promise((res) => setTimeout(res, wait));
    }
    return { total, committedAt, done };
  };
  {
    const { total, committedAt, done } = await steady('steady', RATE, STEADY_SECONDS);
    await done;
    const ms = [...r.got.entries()].map(([id, ts]) => ts[0] - committedAt.get(id));
    console.log(
      `one instance at ${RATE}/s for ${STEADY_SECONDS} s (${total} events): commit→receipt p50 ${pct(ms, 50).toFixed(0)} ms, ` +
        `p99 ${pct(ms, 99).toFixed(0)} ms (target p99 ≤ 2000 ms at ≥ 500/s)`,
    );
  }

  // A receiver outage: down for OUTAGE_SECONDS while events arrive at 100/s, then back: how long until the last
  // event is delivered (target: within 2 minutes of recovery).
  const OUTAGE_SECONDS = Number(process.env.BENCH_OUTAGE_SECONDS ?? 600);
  {
    r.setDown(true);
    const { total, done } = await steady('outage', 100, OUTAGE_SECONDS);
    r.setDown(false);
    const back = performance.now();
    await done;
    console.log(
      `receiver down ${OUTAGE_SECONDS} s with ${total} events arriving at 100/s: all delivered ` +
        `${((performance.now() - back) / 1000).toFixed(1)} s after it came back (target ≤ 120 s)`,
    );
  }
  for (let i = 0; i < 2; i++)
    extra.push(await startServer({ ...env, DB_MIGRATE_ON_START: 'false', SEED_DEMO: 'false' }));
  await run('three instances');
} finally {
  await r.close();
  await Promise.all([server, ...extra].map((s) => s.stop()));
  await db.end();
  await scratch.drop();
}
