// Issue #5 targets, on PostgreSQL, each beside a baseline measured in the same run:
//   accepting cases through the API at 20 concurrent clients: ≥ 300 per second (printed beside the health endpoint);
//   the public progress query: ≥ 0.10 of bare node:http throughput.
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RECEIPTS = Number(process.env.BENCH_RECEIPTS ?? 3000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const load = (opts) => new Promise((resolve, reject) => autocannon({ connections: 20, ...(opts.amount ? {} : { duration: DURATION }), ...opts }, (e, r) => (e ? reject(e) : resolve(r))));

const dbName = `ow_bench_cases_${Date.now()}`;
const admin = new pg.Client({ connectionString: SERVER });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(SERVER);
url.pathname = `/${dbName}`;

const port = 4500 + Math.floor(Math.random() * 400);
const base = `http://127.0.0.1:${port}/api`;
const proc = spawn('node', [path.join(root, 'server/dist/main.js')], {
  env: { ...process.env, DATABASE_URL: url.toString(), DB_POOL_SIZE: '20', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SPA_ROOT: 'none', SEED_DEMO: 'true', RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000', RATE_LIMIT_LOGIN_PER_MINUTE: '100000' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (;;) {
    if (proc.exitCode !== null) throw new Error('server exited during start');
    try {
      if ((await fetch(`${base}/health/ready`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = async (who) => (await (await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: who, password: 'Demo@2026' }) })).json()).accessToken;
  const clerk = { 'content-type': 'application/json', authorization: `Bearer ${await login('scjg.clerk')}` };

  // Receipts to accept: walk-ins of 食品经营许可 with every material seen, 20 at a time.
  const t0 = performance.now();
  const ids = [];
  const body = JSON.stringify({
    matterCode: 'XK00001001',
    applicant: { kind: 'PERSON', name: '压测申请人', idNumber: '11010519491231002X', contactName: '压测申请人', phone: '13912340000' },
    materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' })),
  });
  for (let i = 0; i < RECEIPTS; i += 20) {
    const batch = await Promise.all(Array.from({ length: Math.min(20, RECEIPTS - i) }, () => fetch(`${base}/cases/walk-in`, { method: 'POST', headers: clerk, body }).then((r) => r.json())));
    for (const c of batch) {
      if (!c.id) throw new Error(`walk-in failed: ${JSON.stringify(c)}`);
      ids.push(c.id);
    }
  }
  const setupS = (performance.now() - t0) / 1000;

  const health = await load({ url: `${base}/health` });
  let next = 0;
  const accept = await load({
    url: `http://127.0.0.1:${port}`,
    amount: ids.length,
    requests: [{ method: 'POST', headers: clerk, body: '{}', setupRequest: (req) => ({ ...req, path: `/api/cases/${ids[next++]}/accept` }) }],
  });

  const bare = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ caseNo: 'SCJG-20261122-0001', state: 'IN_REVIEW', steps: [{ label: '受理' }] }));
  });
  await new Promise((r) => bare.listen(0, '127.0.0.1', r));
  const bareResult = await load({ url: `http://127.0.0.1:${bare.address().port}/` });
  bare.close();
  const one = await (await fetch(`${base}/cases/${ids[0]}`, { headers: clerk })).json();
  const progress = await load({ url: `${base}/public/progress?no=${one.caseNo}&code=${one.queryCode}` });

  const perSecond = accept.requests.average;
  console.log(`\ncases benchmark on PostgreSQL: ${ids.length} receipts registered in ${setupS.toFixed(0)} s; autocannon -c 20`);
  console.log(`${'health endpoint (baseline)'.padEnd(44)} ${String(Math.round(health.requests.average)).padStart(7)} req/s`);
  console.log(`${'accept a receipt (POST /cases/:id/accept)'.padEnd(44)} ${String(Math.round(perSecond)).padStart(7)} req/s  ${(perSecond / health.requests.average).toFixed(2)} of health  ${perSecond >= 300 ? 'ok (≥ 300/s)' : 'BELOW 300/s'}; p99 ${accept.latency.p99} ms; non-2xx ${accept.non2xx}`);
  console.log(`${'bare node:http (baseline)'.padEnd(44)} ${String(Math.round(bareResult.requests.average)).padStart(7)} req/s`);
  console.log(`${'public progress query'.padEnd(44)} ${String(Math.round(progress.requests.average)).padStart(7)} req/s  ${(progress.requests.average / bareResult.requests.average).toFixed(2)} of bare  ${progress.requests.average / bareResult.requests.average >= 0.1 ? 'ok (≥ 0.10)' : 'BELOW 0.10'}; p99 ${progress.latency.p99} ms; non-2xx ${progress.non2xx}`);
} finally {
  if (proc.exitCode === null) {
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
  }
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
