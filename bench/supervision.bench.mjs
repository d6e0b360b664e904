// Issue #6 targets, on PostgreSQL with 1,000,000 open clocks, beside a floor measured in the same run:
//   a sweep in which 100,000 clocks cross a threshold: under 15 s (aim: within 2x of one plain UPDATE of the same rows);
//   a sweep in which none cross: under 100 ms;
//   the server's memory does not grow with the number of open clocks (RSS before and after).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { scratchDatabase, startServer } from './lib/server.mjs';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CLOCKS = Number(process.env.BENCH_CLOCKS ?? 1_000_000);
const CROSSING = Number(process.env.BENCH_CROSSING ?? 100_000);
const AS_OF = '2026-12-01T09:00:00+08:00';

const scratch = await scratchDatabase(SERVER, 'supervision');
const db = new pg.Client({ connectionString: scratch.url });
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const seconds = (t0) => (performance.now() - t0) / 1000;

const server = await startServer({ DATABASE_URL: scratch.url, SEED_DEMO: 'true', SWEEP_INTERVAL_SECONDS: '0' });
try {
  await db.connect();
  await fetch(`${server.base}/platform/clock`, {
    method: 'PUT',
    headers: await server.login('admin'),
    body: JSON.stringify({ now: AS_OF }),
  });
  // Sessions run on business time: log in after moving it.
  const supervisor = await server.login('supervisor');

  // 1,000,000 running clocks of ten working days spread over departments; CROSSING of them past their
  // warning time at AS_OF, the rest with warning and due times still ahead.
  let t0 = performance.now();
  await db.query(
    `
    INSERT INTO clock (subject_kind, subject_id, department_id, limit_value, limit_unit, state, started_at, anchor_at, anchor_day, anchor_amount,
                       due_date, due_at, warn_left, warn_at, policy_version, created_at, updated_at, version)
    SELECT 'CASE', gen_random_uuid(), (SELECT id FROM department ORDER BY code LIMIT 1 OFFSET g % 13), 10, 'WORKING_DAY', 'RUNNING',
           s, s, s::date, 10, (s + interval '14 days')::date, s + interval '14 days', 2, w, 1, s, s, 1
    FROM generate_series(1, $1::int) g,
         LATERAL (SELECT CASE WHEN g <= $2::int THEN $3::timestamptz - interval '12 days' ELSE $3::timestamptz - interval '1 day' END AS s) x,
         LATERAL (SELECT CASE WHEN g <= $2::int THEN $3::timestamptz - (g % 1000) * interval '1 minute' ELSE $3::timestamptz + interval '5 days' END AS w) y`,
    [CLOCKS, CROSSING, AS_OF],
  );
  await db.query('VACUUM ANALYZE clock');
  const setupS = seconds(t0);
  const [{ open }] = (await db.query(`SELECT count(*)::int AS open FROM clock WHERE state = 'RUNNING'`)).rows;

  // The floor: one plain UPDATE of the same rows, found through the same index.
  t0 = performance.now();
  const floor = await db.query(
    `UPDATE clock SET updated_at = updated_at WHERE state = 'RUNNING' AND alert_level = 0 AND warn_at <= $1`,
    [AS_OF],
  );
  const floorS = seconds(t0);
  await db.query('VACUUM ANALYZE clock');

  const rssBefore = rssMb(server.pid);
  const sweep = async () => {
    const t = performance.now();
    const res = await fetch(`${server.base}/supervision/sweeps`, { method: 'POST', headers: supervisor });
    const run = await res.json();
    if (!res.ok) throw new Error(JSON.stringify(run));
    return { run, s: seconds(t) };
  };
  const crossing = await sweep();
  const rssAfter = rssMb(server.pid);
  const quiet = await sweep();
  const [{ cards }] = (await db.query('SELECT count(*)::int AS cards FROM supervision_card')).rows;

  const pad = (s) => s.padEnd(52);
  console.log(
    `\nsupervision sweep on PostgreSQL: ${open.toLocaleString()} open clocks (made in ${setupS.toFixed(0)} s)`,
  );
  console.log(
    `${pad(`plain UPDATE of the ${floor.rowCount.toLocaleString()} crossing rows (floor)`)} ${floorS.toFixed(2).padStart(7)} s`,
  );
  console.log(
    `${pad(`sweep, ${crossing.run.examined.toLocaleString()} clocks crossing`)} ${crossing.s.toFixed(2).padStart(7)} s  ${(crossing.s / floorS).toFixed(2)}x the floor  ` +
      `${crossing.s < 15 ? 'ok (< 15 s)' : 'OVER 15 s'}; ${crossing.run.yellow.toLocaleString()} yellow, ${crossing.run.red} red; ${cards.toLocaleString()} cards in the table`,
  );
  console.log(
    `${pad('sweep, none crossing (request round trip)')} ${(quiet.s * 1000).toFixed(0).padStart(7)} ms ${quiet.s < 0.1 ? 'ok (< 100 ms)' : 'OVER 100 ms'}; examined ${quiet.run.examined}`,
  );
  console.log(
    `${pad('server RSS before / after the crossing sweep')} ${rssBefore.toFixed(0)} MB / ${rssAfter.toFixed(0)} MB`,
  );
} finally {
  await server.stop();
  await db.end().catch(() => undefined);
  await scratch.drop();
}
