// Issue #15 targets, on PostgreSQL, each beside a baseline measured in the same run:
//   accepting a joint case with five co-departments (five sub-tasks and five SUBTASK clocks more in the same
//   transaction) at ≥ 0.5 of the rate of accepting a one-department case, both at 20 concurrent clients;
//   with 1,000,000 open clocks of which 100,000 are sub-task clocks past due (already carded), the deeming sweep
//   within 2x a plain UPDATE of the same rows (sub-tasks and their clocks), and a sweep with nothing due < 100 ms.
import autocannon from 'autocannon';
import pg from 'pg';
import { scratchDatabase, startServer } from './lib/server.mjs';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RECEIPTS = Number(process.env.BENCH_RECEIPTS ?? 1000);
const CLOCKS = Number(process.env.BENCH_CLOCKS ?? 1_000_000);
const DUE = Number(process.env.BENCH_DUE ?? 100_000);
const AS_OF = '2026-12-01T09:00:00+08:00';
const seconds = (t0) => (performance.now() - t0) / 1000;

const scratch = await scratchDatabase(SERVER, 'parallel');
const db = new pg.Client({ connectionString: scratch.url });
const server = await startServer({
  DATABASE_URL: scratch.url,
  DB_POOL_SIZE: '20',
  SEED_DEMO: 'true',
  SWEEP_INTERVAL_SECONDS: '0',
});
try {
  await db.connect();
  await fetch(`${server.base}/platform/clock`, {
    method: 'PUT',
    headers: await server.login('admin'),
    body: JSON.stringify({ now: AS_OF }),
  });
  const [admin, clerk, supervisor] = await Promise.all(['admin', 'zjj.clerk', 'supervisor'].map(server.login));
  const call = async (method, path, headers, body) => {
    const res = await fetch(`${server.base}${path}`, { method, headers, body: body && JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
    return json;
  };

  // The joint matter with five co-departments: the demo's 建筑工程施工许可证核发 (住建 leads), given two more.
  const published = async (where, params) =>
    (
      await db.query(
        `SELECT m.code, v.id, v.content FROM matter m JOIN matter_version v ON v.matter_id = m.id
          WHERE v.status = 'PUBLISHED' AND ${where} ORDER BY m.code LIMIT 1`,
        params,
      )
    ).rows[0];
  const joint = await published(`v.content->>'name' = $1`, ['建筑工程施工许可证核发']);
  const zjj = (await db.query(`SELECT id FROM department WHERE code = 'ZJJ'`)).rows[0].id;
  const extra = (await db.query(`SELECT id FROM department WHERE code IN ('STHJ', 'FGW') ORDER BY code`)).rows;
  const draft = await call('POST', `/catalog/versions/${joint.id}/clone`, admin);
  await call('PUT', `/catalog/versions/${draft.id}`, admin, {
    content: {
      ...joint.content,
      coDepartments: [
        ...joint.content.coDepartments,
        ...extra.map((d) => ({
          departmentId: d.id,
          subtaskLimit: { value: 5, unit: 'WORKING_DAY' },
          silenceIsConsent: true,
        })),
      ],
    },
  });
  await call('POST', `/catalog/versions/${draft.id}/publish`, admin);
  // One department alone: another 住建 matter handled by it alone (承诺件), same clerk, same case numbering.
  const single = await published(`v.content->>'departmentId' = $1 AND v.content->>'handlingKind' = 'PROMISED'`, [zjj]);

  const walkIns = async (code, n) => {
    const ids = [];
    for (let i = 0; i < n; i += 20)
      for (const c of await Promise.all(
        Array.from({ length: Math.min(20, n - i) }, (_, k) =>
          call('POST', '/cases/walk-in', clerk, {
            matterCode: code,
            applicant: {
              kind: 'ORGANIZATION',
              name: `压测建设公司${i + k}`,
              idNumber: '91330100MA2K8X7Q0R',
              contactName: '压测经办',
              phone: '13912340000',
            },
            materials: (code === joint.code ? joint : single).content.materials.map((_m, index) => ({
              index,
              status: 'ORIGINAL_SEEN',
            })),
          }),
        ),
      ))
        ids.push(c.id);
    return ids;
  };
  const accept = (ids) => {
    let next = 0;
    return new Promise((resolve, reject) =>
      autocannon(
        {
          url: `http://127.0.0.1:${server.port}`,
          connections: 20,
          amount: ids.length,
          requests: [
            {
              method: 'POST',
              headers: clerk,
              body: '{}',
              setupRequest: (req) => ({ ...req, path: `/api/cases/${ids[next++]}/accept` }),
            },
          ],
        },
        (e, r) => (e ? reject(e) : resolve(r)),
      ),
    );
  };
  let t0 = performance.now();
  const [singleIds, jointIds] = [await walkIns(single.code, RECEIPTS), await walkIns(joint.code, RECEIPTS)];
  const setupS = seconds(t0);
  // Halves in turn, so that neither kind has the warmer server or the emptier tables to itself.
  const half = RECEIPTS / 2;
  const runs = [];
  for (const [kind, ids] of [
    ['single', singleIds.slice(0, half)],
    ['joint', jointIds.slice(0, half)],
    ['joint', jointIds.slice(half)],
    ['single', singleIds.slice(half)],
  ])
    runs.push({ kind, r: await accept(ids) });
  const summed = (kind) => {
    const rs = runs.filter((x) => x.kind === kind).map((x) => x.r);
    return {
      rate: rs.reduce((n, r) => n + r.requests.total, 0) / rs.reduce((n, r) => n + r.duration, 0),
      non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
      p99: Math.max(...rs.map((r) => r.latency.p99)),
    };
  };
  const [one, five] = [summed('single'), summed('joint')];
  const [{ subtasks }] = (
    await db.query(`SELECT count(*)::int AS subtasks FROM case_subtask WHERE case_id = ANY($1::uuid[])`, [jointIds])
  ).rows;

  // 1,000,000 open clocks: DUE sub-task clocks past due (carded already, alert level 2) with their open sub-tasks
  // on the joint cases, the rest case clocks still running.
  t0 = performance.now();
  await db.query(
    `INSERT INTO clock (subject_kind, subject_id, department_id, limit_value, limit_unit, state, started_at, anchor_at, anchor_day, anchor_amount,
                        due_date, due_at, warn_left, warn_at, policy_version, created_at, updated_at, version, alert_level)
     SELECT 'CASE', gen_random_uuid(), $3::uuid, 10, 'WORKING_DAY', 'RUNNING', s, s, s::date, 10, (s + interval '14 days')::date,
            s + interval '14 days', 2, s + interval '10 days', 1, s, s, 1, 0
     FROM generate_series(1, $1::int - $2::int) g, LATERAL (SELECT $4::timestamptz - interval '1 day' AS s) x`,
    [CLOCKS, DUE, zjj, AS_OF],
  );
  await db.query(
    `WITH cases AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM unnest($5::uuid[]) id),
     st AS (SELECT gen_random_uuid() AS id, gen_random_uuid() AS clock_id, g FROM generate_series(1, $1::int) g),
     clocks AS (
       INSERT INTO clock (id, subject_kind, subject_id, department_id, limit_value, limit_unit, state, started_at, anchor_at, anchor_day,
                          anchor_amount, due_date, due_at, warn_left, warn_at, policy_version, created_at, updated_at, version, alert_level)
       SELECT st.clock_id, 'SUBTASK', st.id, $3::uuid, 5, 'WORKING_DAY', 'RUNNING', s, s, s::date, 5, (s + interval '7 days')::date,
              s + interval '7 days', 1, s + interval '6 days', 1, s, s, 1, 2
       FROM st, LATERAL (SELECT $4::timestamptz - interval '10 days' - (st.g % 1000) * interval '1 minute' AS s) x
     )
     INSERT INTO case_subtask (id, case_id, seq, department_id, state, silence_is_consent, limit_value, limit_unit, clock_id, opened_at)
     SELECT st.id, c.id, 100 + st.g, $3::uuid, 'OPEN', true, 5, 'WORKING_DAY', st.clock_id, $4::timestamptz - interval '10 days'
     FROM st JOIN cases c ON c.n = st.g % $2::int`,
    [DUE, singleIds.length, zjj, AS_OF, singleIds],
  );
  await db.query('VACUUM ANALYZE clock');
  await db.query('VACUUM ANALYZE case_subtask');
  const clocksS = seconds(t0);
  const [{ open }] = (await db.query(`SELECT count(*)::int AS open FROM clock WHERE state = 'RUNNING'`)).rows;

  // The floor: plain UPDATEs of the same rows (the sub-tasks, then their clocks), rolled back.
  await db.query('BEGIN');
  t0 = performance.now();
  const floorSt = await db.query(
    `UPDATE case_subtask t SET state = 'DEEMED_APPROVED' FROM clock ck
      WHERE ck.id = t.clock_id AND t.state = 'OPEN' AND t.silence_is_consent AND ck.state = 'RUNNING' AND ck.due_at <= $1`,
    [AS_OF],
  );
  await db.query(
    `UPDATE clock ck SET state = 'STOPPED', stopped_at = ck.due_at FROM case_subtask t
      WHERE ck.id = t.clock_id AND t.state = 'DEEMED_APPROVED' AND ck.state = 'RUNNING'`,
  );
  const floorS = seconds(t0);
  await db.query('ROLLBACK');
  await db.query('VACUUM ANALYZE clock');

  const sweep = async () => {
    const t = performance.now();
    const run = await call('POST', '/supervision/sweeps', supervisor);
    return { run, s: seconds(t) };
  };
  const deeming = await sweep();
  // The deeming's audit entries are chained by the seal that follows its commit; a quiet sweep is measured after it.
  t0 = performance.now();
  while ((await db.query('SELECT count(*)::int AS n FROM audit_pending')).rows[0].n > 0)
    await new Promise((r) => setTimeout(r, 200));
  const sealS = seconds(t0);
  const quiet = await sweep();
  // What autovacuum would do soon after a backlog: the dead row versions of the deemed rows cleared.
  await db.query('VACUUM ANALYZE clock');
  await db.query('VACUUM ANALYZE case_subtask');
  const quietVacuumed = await sweep();
  const [{ deemed }] = (
    await db.query(`SELECT count(*)::int AS deemed FROM case_subtask WHERE state = 'DEEMED_APPROVED'`)
  ).rows;

  const pad = (s) => s.padEnd(58);
  console.log(
    `\nparallel approval on PostgreSQL: ${RECEIPTS} + ${RECEIPTS} receipts registered in ${setupS.toFixed(0)} s; autocannon -c 20, halves in turn`,
  );
  console.log(
    `${pad('accept a one-department case (baseline)')} ${one.rate.toFixed(0).padStart(7)} /s  p99 ${one.p99} ms; non-2xx ${one.non2xx}`,
  );
  console.log(
    `${pad('accept a joint case, five co-departments')} ${five.rate.toFixed(0).padStart(7)} /s  ${(five.rate / one.rate).toFixed(2)} of the baseline  ${five.rate / one.rate >= 0.5 ? 'ok (≥ 0.5)' : 'BELOW 0.5'}; p99 ${five.p99} ms; non-2xx ${five.non2xx}; ${subtasks} sub-tasks opened`,
  );
  console.log(
    `\n${open.toLocaleString()} open clocks (made in ${clocksS.toFixed(0)} s), ${DUE.toLocaleString()} sub-task clocks past due`,
  );
  console.log(
    `${pad(`plain UPDATEs of the ${floorSt.rowCount.toLocaleString()} sub-tasks and their clocks (floor)`)} ${floorS.toFixed(2).padStart(7)} s`,
  );
  console.log(
    `${pad(`sweep deeming ${deeming.run.deemedApproved.toLocaleString()} sub-tasks`)} ${deeming.s.toFixed(2).padStart(7)} s  ${(deeming.s / floorS).toFixed(2)}x the floor  ${deeming.s / floorS <= 2 ? 'ok (≤ 2x)' : 'OVER 2x'}; ${deemed.toLocaleString()} deemed in the table`,
  );
  console.log(`${pad('then the audit seal chains their entries (background)')} ${sealS.toFixed(2).padStart(7)} s`);
  console.log(
    `${pad('sweep, nothing due, right after (request round trip)')} ${(quiet.s * 1000).toFixed(0).padStart(7)} ms ${quiet.s < 0.1 ? 'ok (< 100 ms)' : 'OVER 100 ms'}; deemed ${quiet.run.deemedApproved}`,
  );
  console.log(
    `${pad('sweep, nothing due, after VACUUM (request round trip)')} ${(quietVacuumed.s * 1000).toFixed(0).padStart(7)} ms ${quietVacuumed.s < 0.1 ? 'ok (< 100 ms)' : 'OVER 100 ms'}; deemed ${quietVacuumed.run.deemedApproved}`,
  );
} finally {
  await server.stop();
  await db.end().catch(() => undefined);
  await scratch.drop();
}
