// Issue #4 targets, each beside bare node:http measured in the same run:
//   search over 5,000 published matters at 50 connections: p99 < 50 ms (throughput as a ratio);
//   a guide page read: ≥ 0.30 of bare node:http throughput.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startServer } from './lib/server.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const MATTERS = Number(process.env.BENCH_MATTERS ?? 5000);
const load = (opts) =>
  new Promise((resolve, reject) =>
    autocannon({ connections: 50, duration: DURATION, ...opts }, (e, r) => (e ? reject(e) : resolve(r))),
  );

const bare = http.createServer((_, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ items: [{ code: 'XK00001001', name: '食品经营许可' }], total: 1 }));
});
await new Promise((r) => bare.listen(0, '127.0.0.1', r));
const bareResult = await load({ url: `http://127.0.0.1:${bare.address().port}/` });
bare.close();

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ow-bench-cat-'));
const server = await startServer({ DATABASE_URL: '', ONEWINDOW_DATA_DIR: dataDir });
const { base, port } = server;
try {
  // 5,000 published matters through the API (draft, then publish), names varied like a real catalog.
  const h = await server.login('admin');
  const sample = await (await fetch(`${base}/public/matters/XK00001001`)).json();
  const stems = ['经营许可', '登记', '备案', '证书核发', '审批', '变更', '注销', '延续', '补办', '年检'];
  const subjects = [
    '食品',
    '药品',
    '建筑',
    '道路',
    '水利',
    '文化',
    '卫生',
    '环境',
    '林业',
    '农业',
    '旅游',
    '燃气',
    '供热',
    '广告',
    '印刷',
    '消防',
    '人防',
    '档案',
    '宗教',
    '体育',
  ];
  const t0 = performance.now();
  for (let i = 0; i < MATTERS; i++) {
    const name = `${subjects[i % subjects.length]}${['类', '业', '行业', '项目', '设施'][Math.floor(i / 20) % 5]}${stems[Math.floor(i / 100) % stems.length]}（${i}）`;
    const content = {
      ...sample.content,
      name,
      keywords: [subjects[(i * 7) % subjects.length]],
      description: `第 ${i} 号测试事项，${subjects[(i * 3) % subjects.length]}相关。`,
    };
    const d = await (
      await fetch(`${base}/catalog/matters`, { method: 'POST', headers: h, body: JSON.stringify({ content }) })
    ).json();
    const p = await fetch(`${base}/catalog/versions/${d.id}/publish`, { method: 'POST', headers: h });
    if (!p.ok) throw new Error(`publish failed: ${await p.text()}`);
  }
  const setupS = (performance.now() - t0) / 1000;
  const count = (await (await fetch(`${base}/public/matters?pageSize=1`)).json()).total;

  const queries = ['食品', 'spjy', '许可', '登记', 'jzxk', '道路 许可', '年检', '旅游', '不存在的词'];
  const search = await load({
    requests: queries.map((q) => ({ method: 'GET', path: `/api/public/matters?q=${encodeURIComponent(q)}` })),
    url: `http://127.0.0.1:${port}`,
  });
  const guide = await load({ url: `${base}/public/matters/XK00001001` });

  const rows = [
    [
      'bare node:http (baseline)',
      `${Math.round(bareResult.requests.average)} req/s`,
      '1.00',
      `p99 ${bareResult.latency.p99} ms`,
    ],
    [
      `search over ${count} published matters (9 queries)`,
      `${Math.round(search.requests.average)} req/s`,
      (search.requests.average / bareResult.requests.average).toFixed(2),
      `p99 ${search.latency.p99} ms ${search.latency.p99 < 50 ? 'ok (< 50 ms)' : 'OVER 50 ms'}; non-2xx ${search.non2xx}`,
    ],
    [
      'guide page read (cached published version)',
      `${Math.round(guide.requests.average)} req/s`,
      (guide.requests.average / bareResult.requests.average).toFixed(2),
      `${guide.requests.average / bareResult.requests.average >= 0.3 ? 'ok (≥ 0.30)' : 'BELOW 0.30'}; p99 ${guide.latency.p99} ms; non-2xx ${guide.non2xx}`,
    ],
  ];
  console.log(
    `\ncatalog benchmark: autocannon -c 50 -d ${DURATION}s (setup: ${MATTERS} matters published through the API in ${setupS.toFixed(0)} s)`,
  );
  for (const r of rows) console.log(`${r[0].padEnd(52)} ${r[1].padStart(12)}  ${r[2].padStart(5)}  ${r[3]}`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
