// Issue #3 targets, each beside a baseline measured in the same run:
//   1,000,000 deadline computations in-process < 1 s, vs a naive day-by-day loop on the same inputs;
//   recompute after a calendar change on 1,000,000 running clocks on PostgreSQL < 60 s,
//   vs loading them into Node, computing there, and writing the changed ones back.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const imp = (p) => import(pathToFileURL(path.join(root, p)).href);
const shared = await imp('shared/dist/index.js');
const { WorkingCalendar, deadlineFrom, dayNumber, dateOfDay, deadlineFromDay } = shared;

const N = Number(process.env.BENCH_N ?? 1_000_000);
const rows = [];
const ms = (t0) => performance.now() - t0;

// ---------- 1. in-process arithmetic ----------
const cal = WorkingCalendar.official(2024, 2035);
const first = dayNumber('2024-01-01');
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const starts = new Float64Array(N);
const limits = new Int32Array(N);
for (let i = 0; i < N; i++) {
  starts[i] = (first + Math.floor(rnd() * 365 * 10)) * 86_400_000 + Math.floor(rnd() * 86_400_000);
  limits[i] = 1 + Math.floor(rnd() * 60);
}

let t0 = performance.now();
let check = 0;
for (let i = 0; i < N; i++)
  check += deadlineFrom(cal, new Date(starts[i]), { value: limits[i], unit: 'WORKING_DAY' }).dueDay;
const lookupMs = ms(t0);

t0 = performance.now();
let naiveCheck = 0;
for (let i = 0; i < N; i++) {
  let d = Math.floor((starts[i] + 8 * 3_600_000) / 86_400_000);
  for (let left = limits[i]; left > 0;) if (cal.isWorkingDay(++d)) left--;
  naiveCheck += d;
}
const naiveMs = ms(t0);
if (check !== naiveCheck) throw new Error('lookup and naive loop disagree');
rows.push([
  `${N.toLocaleString()} deadlines, naive day-by-day loop (baseline)`,
  `${naiveMs.toFixed(0)} ms`,
  '1.00',
  '',
]);
rows.push([
  `${N.toLocaleString()} deadlines, running-count lookup`,
  `${lookupMs.toFixed(0)} ms`,
  (lookupMs / naiveMs).toFixed(3),
  lookupMs < 1000 ? `ok (< 1 s; ${(naiveMs / lookupMs).toFixed(1)}× faster)` : 'OVER 1 s',
]);

// ---------- 2. recompute on PostgreSQL ----------
const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `ow_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
try {
  await admin.connect();
} catch (e) {
  rows.push(['recompute on PostgreSQL', 'skipped', '', `no server at ${serverUrl}: ${e.message}`]);
  print();
  process.exit(0);
}
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(serverUrl);
url.pathname = `/${dbName}`;
const { DataSource } = await import(pathToFileURL(path.join(root, 'node_modules/typeorm/index.js')).href);
const { dataSourceOptions } = await imp('server/dist/platform/database/data-source-options.js');
const { RECOMPUTE_CLOCKS_SQL, REFRESH_WORK_SEQ_SQL } = await imp('server/dist/modules/calendar/calendar-sql.js');
const ds = new DataSource(dataSourceOptions(url.toString(), 4));
try {
  await ds.initialize();
  await ds.runMigrations();
  t0 = performance.now();
  // 1,000,000 running working-day clocks anchored across 2026, 1–60 working days, due dates from the calendar.
  await ds.query(`
    INSERT INTO clock (subject_kind, subject_id, limit_value, limit_unit, state, started_at, anchor_at, anchor_day, anchor_amount,
                       due_date, due_at, warn_left, warn_at, policy_version, created_at, updated_at, version)
    SELECT 'CASE', gen_random_uuid(), a.amount, 'WORKING_DAY', 'RUNNING', a.day::timestamptz, a.day::timestamptz, a.day, a.amount,
           d.date, d.date::timestamptz, 1, d.date::timestamptz, 1, now(), now(), 1
    FROM (SELECT DATE '2026-01-01' + (i % 365) AS day, 1 + (i % 60) AS amount FROM generate_series(1, ${N}) i) a
    JOIN calendar_day f ON f.date = a.day
    JOIN calendar_day d ON d.kind IN ('WORKDAY', 'MAKEUP_WORKDAY') AND d.work_seq = f.work_seq + a.amount`);
  await ds.query(RECOMPUTE_CLOCKS_SQL); // settle warn/due to exact values first
  await ds.query('ANALYZE clock');
  const setupMs = ms(t0);

  // The change: a weekday in July becomes a holiday.
  const change = async (kind, name) => {
    await ds.query(`UPDATE calendar_day SET kind = $1, holiday_name = $2 WHERE date = '2026-07-15'`, [kind, name]);
    await ds.query(REFRESH_WORK_SEQ_SQL);
  };

  await change('HOLIDAY', '基准测试');
  t0 = performance.now();
  const [, moved] = await ds.query(RECOMPUTE_CLOCKS_SQL);
  const sqlMs = ms(t0);

  // Baseline: undo the change, then redo it the Node way: load, compute with the shared code, write back what changed.
  await change('WORKDAY', null);
  await ds.query(RECOMPUTE_CLOCKS_SQL);
  await change('HOLIDAY', '基准测试');
  t0 = performance.now();
  const days = await ds.query(`SELECT date, kind, holiday_name AS "holidayName" FROM calendar_day ORDER BY date`);
  const fresh = WorkingCalendar.fromDays(days);
  const clocks = await ds.query(
    `SELECT id, anchor_at, anchor_day, anchor_amount, due_date FROM clock WHERE state = 'RUNNING' AND limit_unit = 'WORKING_DAY'`,
  );
  const ids = [];
  const dues = [];
  for (const c of clocks) {
    const due = deadlineFromDay(fresh, c.anchor_at, dayNumber(c.anchor_day), 'WORKING_DAY', Number(c.anchor_amount));
    const date = dateOfDay(due.dueDay);
    if (date !== c.due_date) {
      ids.push(c.id);
      dues.push(date);
    }
  }
  for (let i = 0; i < ids.length; i += 20_000) {
    await ds.query(
      `UPDATE clock c SET due_date = u.due, due_at = ((u.due + 1)::timestamp - interval '8 hours') AT TIME ZONE 'UTC'
       FROM unnest($1::uuid[], $2::date[]) AS u(id, due) WHERE c.id = u.id`,
      [ids.slice(i, i + 20_000), dues.slice(i, i + 20_000)],
    );
  }
  const nodeMs = ms(t0);
  rows.push([`(setup: ${N.toLocaleString()} running clocks inserted)`, `${(setupMs / 1000).toFixed(1)} s`, '', '']);
  rows.push([
    'recompute by loading into Node and writing back (baseline)',
    `${(nodeMs / 1000).toFixed(1)} s`,
    '1.00',
    `${ids.length.toLocaleString()} moved (due dates only)`,
  ]);
  rows.push([
    'recompute in one set-based statement',
    `${(sqlMs / 1000).toFixed(1)} s`,
    (sqlMs / nodeMs).toFixed(2),
    `${sqlMs < 60_000 ? 'ok (< 60 s)' : 'OVER 60 s'}; ${Number(moved).toLocaleString()} moved (due and warning)`,
  ]);
} finally {
  await ds.destroy().catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
print();

function print() {
  console.log(`\ncalendar benchmark (node ${process.version})`);
  for (const r of rows) console.log(`${r[0].padEnd(62)} ${r[1].padStart(10)}  ${r[2].padStart(6)}  ${r[3]}`);
}
