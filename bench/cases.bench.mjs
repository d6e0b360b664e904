// Issue #5 targets, on PostgreSQL, each beside a baseline measured in the same run:
//   accepting cases through the API at 20 concurrent clients: ≥ 300 per second (printed beside the health endpoint);
//   the public progress query: ≥ 0.10 of bare node:http throughput.
// Issue #13: acceptance against its floor: the statements the API sends for an acceptance, replayed by bare pg
// clients at the same concurrency on a copy of the database as it was before (aim: ≥ 0.5 of the floor). The
// statements are captured (DB_STATEMENT_LOG) from a second, equal batch of acceptances, so the measured batch
// carries no logging cost.
import { rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { recordedUnits, replay } from './lib/floor.mjs';
import { scratchDatabase, startServer } from './lib/server.mjs';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RECEIPTS = Number(process.env.BENCH_RECEIPTS ?? 3000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
// Requests per second over the whole run (autocannon's own average counts whole seconds, the last one partial).
const rate = (r) => r.requests.total / r.duration;
const load = (opts) =>
  new Promise((resolve, reject) =>
    autocannon({ connections: 20, ...(opts.amount ? {} : { duration: DURATION }), ...opts }, (e, r) =>
      e ? reject(e) : resolve(r),
    ),
  );

const scratch = await scratchDatabase(SERVER, 'cases');
const statementLog = path.join(os.tmpdir(), `ow-bench-statements-${process.pid}.jsonl`);
const serverEnv = { DATABASE_URL: scratch.url, DB_POOL_SIZE: '20', SEED_DEMO: 'true', SWEEP_INTERVAL_SECONDS: '0' };
const floorDb = `${new URL(scratch.url).pathname.slice(1)}_floor`;
const admin = new pg.Client({ connectionString: SERVER });
await admin.connect();

let server = await startServer(serverEnv);
try {
  let clerk = await server.login('scjg.clerk');

  // Receipts to accept: walk-ins of 食品经营许可 with every material seen, 20 at a time.
  const t0 = performance.now();
  const body = JSON.stringify({
    matterCode: 'XK00001001',
    applicant: {
      kind: 'PERSON',
      name: '压测申请人',
      idNumber: '11010519491231002X',
      contactName: '压测申请人',
      phone: '13912340000',
    },
    materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' })),
  });
  const receipts = async () => {
    const ids = [];
    for (let i = 0; i < RECEIPTS; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, RECEIPTS - i) }, () =>
          fetch(`${server.base}/cases/walk-in`, { method: 'POST', headers: clerk, body }).then((r) => r.json()),
        ),
      );
      for (const c of batch) {
        if (!c.id) throw new Error(`walk-in failed: ${JSON.stringify(c)}`);
        ids.push(c.id);
      }
    }
    return ids;
  };
  const ids = await receipts();
  const captured = await receipts();
  const setupS = (performance.now() - t0) / 1000;
  const acceptAll = (list) => {
    let next = 0;
    return load({
      url: `http://127.0.0.1:${server.port}`,
      amount: list.length,
      requests: [
        {
          method: 'POST',
          headers: clerk,
          body: '{}',
          setupRequest: (req) => ({ ...req, path: `/api/cases/${list[next++]}/accept` }),
        },
      ],
    });
  };
  const restart = async (env) => {
    await server.stop();
    server = await startServer({ ...serverEnv, ...env });
    clerk = await server.login('scjg.clerk');
  };

  // The floor's database: a copy of this one with every receipt still waiting (a template needs no connections).
  await server.stop();
  await admin.query(`CREATE DATABASE ${floorDb} TEMPLATE ${new URL(scratch.url).pathname.slice(1)}`);
  server = await startServer(serverEnv);
  clerk = await server.login('scjg.clerk');

  const health = await load({ url: `${server.base}/health` });
  const accept = await acceptAll(ids);

  // The second batch, with every statement logged, replayed on the copy.
  await restart({ DB_STATEMENT_LOG: statementLog });
  const logFrom = statSync(statementLog).size;
  const capture = await acceptAll(captured);
  const units = recordedUnits(statementLog, logFrom, statSync(statementLog).size);
  const floorUrl = new URL(scratch.url);
  floorUrl.pathname = `/${floorDb}`;
  const floor = await replay(floorUrl.toString(), units, 20);
  await restart({});
  const { base } = server;

  const bare = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ caseNo: 'SCJG-20261122-0001', state: 'IN_REVIEW', steps: [{ label: '受理' }] }));
  });
  await new Promise((r) => bare.listen(0, '127.0.0.1', r));
  const bareResult = await load({ url: `http://127.0.0.1:${bare.address().port}/` });
  bare.close();
  const one = await (await fetch(`${base}/cases/${ids[0]}`, { headers: clerk })).json();
  const progress = await load({ url: `${base}/public/progress?no=${one.caseNo}&code=${one.queryCode}` });

  const perSecond = rate(accept);
  const floorRate = captured.length / floor.seconds;
  const [healthRate, bareRate, progressRate] = [rate(health), rate(bareResult), rate(progress)];
  console.log(
    `\ncases benchmark on PostgreSQL: ${ids.length} + ${captured.length} receipts registered in ${setupS.toFixed(0)} s; autocannon -c 20`,
  );
  console.log(`${'health endpoint (baseline)'.padEnd(44)} ${String(Math.round(healthRate)).padStart(7)} req/s`);
  console.log(
    `${'accept a receipt (POST /cases/:id/accept)'.padEnd(44)} ${String(Math.round(perSecond)).padStart(7)} req/s  ${(perSecond / healthRate).toFixed(3)} of health  ${perSecond >= 300 ? 'ok (≥ 300/s)' : 'BELOW 300/s'}; p99 ${accept.latency.p99} ms; non-2xx ${accept.non2xx}`,
  );
  console.log(
    `${'floor: its statements by bare pg (baseline)'.padEnd(44)} ${String(Math.round(floorRate)).padStart(7)} acceptances/s  (${floor.statements} statements in ${units.length} transactions or statements, ${(floor.statements / captured.length).toFixed(1)} per acceptance; ${floor.failed} failed; the logged batch ran at ${Math.round(rate(capture))}/s, non-2xx ${capture.non2xx})`,
  );
  console.log(
    `${'acceptance as a share of its floor'.padEnd(44)} ${(perSecond / floorRate).toFixed(3)}  ${perSecond / floorRate >= 0.5 ? 'ok (≥ 0.5)' : 'BELOW 0.5'}`,
  );
  console.log(`${'bare node:http (baseline)'.padEnd(44)} ${String(Math.round(bareRate)).padStart(7)} req/s`);
  console.log(
    `${'public progress query'.padEnd(44)} ${String(Math.round(progressRate)).padStart(7)} req/s  ${(progressRate / bareRate).toFixed(3)} of bare  ${progressRate / bareRate >= 0.1 ? 'ok (≥ 0.10)' : 'BELOW 0.10'}; p99 ${progress.latency.p99} ms; non-2xx ${progress.non2xx}`,
  );
} finally {
  await server.stop();
  await admin.query(`DROP DATABASE IF EXISTS ${floorDb} WITH (FORCE)`);
  await admin.end();
  await scratch.drop();
  rmSync(statementLog, { force: true });
}
