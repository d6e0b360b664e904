// Issue #2 targets, each beside a baseline measured in the same run (shared, noisy machines: read the ratios).
//   /api/health throughput ≥ 0.40 of a bare node:http server; cold `npm start` (built) to ready < 10 s;
//   RSS idle with demo data < 300 MB, and < 500 MB after the throughput run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const load = (url) =>
  new Promise((resolve, reject) =>
    autocannon({ url, connections: CONNECTIONS, duration: DURATION }, (err, r) => (err ? reject(err) : resolve(r))),
  );

async function startSystem(dataDir, port) {
  const t0 = performance.now();
  const proc = spawn('node', [path.join(root, 'scripts/start.mjs')], {
    env: { ...process.env, DATABASE_URL: '', ONEWINDOW_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).ok) break;
    } catch {}
    if (proc.exitCode !== null) throw new Error('server exited');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { proc, readyMs: performance.now() - t0 };
}
const stop = (proc) => new Promise((r) => (proc.once('exit', r), proc.kill('SIGTERM')));

// Baseline: a bare node:http server answering the same JSON.
const bare = http.createServer((_, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: 'ok', uptimeSeconds: 1 }));
});
await new Promise((r) => bare.listen(0, '127.0.0.1', r));
const bareResult = await load(`http://127.0.0.1:${bare.address().port}/`);
bare.close();

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ow-bench-'));
const port = 3900 + Math.floor(Math.random() * 90);
// First start loads the demo data; the measured start is the second, on an existing database.
const first = await startSystem(dataDir, port);
await stop(first.proc);
const { proc, readyMs } = await startSystem(dataDir, port);
await new Promise((r) => setTimeout(r, 2000));
const idleRss = rssMb(proc.pid);
const apiResult = await load(`http://127.0.0.1:${port}/api/health`);
const loadedRss = rssMb(proc.pid);
await stop(proc);
rmSync(dataDir, { recursive: true, force: true });

const ratio = apiResult.requests.average / bareResult.requests.average;
const rows = [
  ['bare node:http (baseline)', `${Math.round(bareResult.requests.average)} req/s`, '1.00', ''],
  [
    'GET /api/health (Nest on Fastify)',
    `${Math.round(apiResult.requests.average)} req/s`,
    ratio.toFixed(2),
    ratio >= 0.4 ? 'ok (≥ 0.40)' : 'BELOW 0.40',
  ],
  ['  non-2xx answers', String(apiResult.non2xx), '', apiResult.non2xx === 0 ? 'ok' : 'ERRORS'],
  [
    'cold npm start → ready (built, demo data present)',
    `${Math.round(readyMs)} ms`,
    '',
    readyMs < 10_000 ? 'ok (< 10 s)' : 'OVER 10 s',
  ],
  ['RSS idle with demo data', `${idleRss.toFixed(0)} MB`, '', idleRss < 300 ? 'ok (< 300 MB)' : 'OVER 300 MB'],
  ['RSS after throughput run', `${loadedRss.toFixed(0)} MB`, '', loadedRss < 500 ? 'ok (< 500 MB)' : 'OVER 500 MB'],
];
console.log(
  `\nplatform benchmark: autocannon -c ${CONNECTIONS} -d ${DURATION}s, ${os.cpus().length} cores, node ${process.version}`,
);
for (const r of rows) console.log(`${r[0].padEnd(52)} ${r[1].padStart(12)}  ${r[2].padStart(5)}  ${r[3]}`);
