// Issue #16 target, on PostgreSQL, beside a baseline measured in the same run: a department system's review pushes
// (POST /api/integration/v1/cases/:id/review under an Idempotency-Key, each key new) at 20 concurrent at ≥ 0.5 of the
// rate of the same review through the staff API (POST /api/cases/:id/review), also at 20 concurrent, on the same
// kind of case, in alternating halves so neither has the warmer server to itself.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { scratchDatabase, startServer } from './lib/server.mjs';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CASES = Number(process.env.BENCH_CASES ?? 1000);

const scratch = await scratchDatabase(SERVER, 'integration');
const server = await startServer({ DATABASE_URL: scratch.url, DB_POOL_SIZE: '20', SEED_DEMO: 'true' });
try {
  const [admin, clerk] = await Promise.all(['admin', 'gaj.clerk'].map(server.login));
  const call = async (method, path, headers, body) => {
    const res = await fetch(`${server.base}${path}`, { method, headers, body: body && JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
    return json;
  };
  const departments = await call('GET', '/org/departments', {});
  const created = await call('POST', '/integration/clients', admin, {
    name: '压测户籍业务系统',
    ownerKind: 'DEPARTMENT',
    departmentId: departments.find((d) => d.code === 'GAJ').id,
    scopes: ['cases:read', 'steps:write'],
    contactName: '压测',
    contactPhone: '13900000000',
    ratePerMinute: 100000,
  });
  const token = (
    await call(
      'POST',
      '/integration/v1/oauth/token',
      { 'content-type': 'application/json' },
      {
        grant_type: 'client_credentials',
        client_id: created.client.clientId,
        client_secret: created.clientSecret,
      },
    )
  ).access_token;
  const machine = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const matter = (await call('GET', `/public/matters?q=${encodeURIComponent('户口迁移（市内）')}`, {})).items[0];

  const ids = [];
  for (let i = 0; i < CASES; i += 20)
    for (const c of await Promise.all(
      Array.from({ length: Math.min(20, CASES - i) }, async () => {
        const r = await call('POST', '/cases/walk-in', clerk, {
          matterCode: matter.code,
          applicant: {
            kind: 'PERSON',
            name: '压测迁户',
            idNumber: '11010519491231002X',
            contactName: '压测',
            phone: '13912340000',
          },
          materials: [0, 1, 2].map((index) => ({ index, status: 'ORIGINAL_SEEN' })),
        });
        return call('POST', `/cases/${r.id}/accept`, clerk, {});
      }),
    ))
      ids.push(c.id);

  const review = (list, through) => {
    let next = 0;
    return new Promise((resolve, reject) =>
      autocannon(
        {
          url: `http://127.0.0.1:${server.port}`,
          connections: 20,
          amount: list.length,
          requests: [
            {
              method: 'POST',
              body: JSON.stringify({ agree: true, opinion: '经业务系统核查，符合条件' }),
              setupRequest: (req) => {
                const id = list[next++];
                return through === 'staff'
                  ? { ...req, headers: clerk, path: `/api/cases/${id}/review` }
                  : {
                      ...req,
                      headers: { ...machine, 'idempotency-key': randomUUID() },
                      path: `/api/integration/v1/cases/${id}/review`,
                    };
              },
            },
          ],
        },
        (e, r) => (e ? reject(e) : resolve(r)),
      ),
    );
  };
  const q = CASES / 4;
  const runs = [];
  for (const [through, slice] of [
    ['staff', ids.slice(0, q)],
    ['machine', ids.slice(q, 2 * q)],
    ['machine', ids.slice(2 * q, 3 * q)],
    ['staff', ids.slice(3 * q)],
  ])
    runs.push({ through, r: await review(slice, through) });
  const summed = (through) => {
    const rs = runs.filter((x) => x.through === through).map((x) => x.r);
    return {
      rate: rs.reduce((n, r) => n + r.requests.total, 0) / rs.reduce((n, r) => n + r.duration, 0),
      non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
      p99: Math.max(...rs.map((r) => r.latency.p99)),
    };
  };
  const [staff, machine2] = [summed('staff'), summed('machine')];
  console.log(
    `review at 20 concurrent on ${CASES / 2} cases each: staff API ${staff.rate.toFixed(0)}/s (p99 ${staff.p99} ms, non-2xx ${staff.non2xx}), ` +
      `idempotent push ${machine2.rate.toFixed(0)}/s (p99 ${machine2.p99} ms, non-2xx ${machine2.non2xx}): ` +
      `${(machine2.rate / staff.rate).toFixed(2)} of the staff rate (target ≥ 0.5)`,
  );
} finally {
  await server.stop();
  await scratch.drop();
}
