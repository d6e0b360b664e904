// Issue #17 targets, on PostgreSQL, beside baselines measured in the same run:
// 1. the bank's confirmations (POST /api/integration/v1/payments, each under a new Idempotency-Key) at 20 concurrent
//    at ≥ 0.5 of the rate of case acceptances (POST /api/cases/:id/accept) at 20 concurrent, in alternating halves;
//    and the receipt numbers gapless at the end;
// 2. reconciling a 100,000-line statement against 100,000 confirmations in under 10 s, beside a plain join of the
//    statement's lines and the payments in the same database.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import autocannon from 'autocannon';
import pg from 'pg';
import { scratchDatabase, startServer } from './lib/server.mjs';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CASES = Number(process.env.BENCH_CASES ?? 800);
const LINES = Number(process.env.BENCH_LINES ?? 100_000);

const scratch = await scratchDatabase(SERVER, 'fees');
const server = await startServer({
  DATABASE_URL: scratch.url,
  DB_POOL_SIZE: '20',
  SEED_DEMO: 'true',
  HTTP_UPLOAD_LIMIT_BYTES: String(30 * 1024 * 1024),
});
const db = new pg.Client({ connectionString: scratch.url });
await db.connect();
try {
  const [admin, clerk, finance] = await Promise.all(['admin', 'zrzy.clerk', 'zwb.finance'].map(server.login));
  // One connection per call, apart from autocannon's.
  const call = (method, path, headers, body) =>
    new Promise((resolve, reject) => {
      const req = http.request(`${server.base}${path}`, { method, headers, agent: false }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => {
          const json = JSON.parse(text);
          if (res.statusCode >= 400) reject(new Error(`${method} ${path}: ${text}`));
          else resolve(json);
        });
      });
      req.on('error', reject);
      req.end(body && JSON.stringify(body));
    });
  const created = await call('POST', '/integration/clients', admin, {
    name: '压测代收银行',
    ownerKind: 'BANK',
    departmentId: null,
    scopes: ['payments:write'],
    contactName: '压测',
    contactPhone: '13900000000',
    ratePerMinute: 100_000,
  });
  const token = (
    await call(
      'POST',
      '/integration/v1/oauth/token',
      { 'content-type': 'application/json' },
      { grant_type: 'client_credentials', client_id: created.client.clientId, client_secret: created.clientSecret },
    )
  ).access_token;
  const bank = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const matter = (await call('GET', `/public/matters?q=${encodeURIComponent('不动产登记（转移登记）')}`, {})).items[0];

  const received = [];
  for (let i = 0; i < CASES; i += 20)
    for (const c of await Promise.all(
      Array.from({ length: Math.min(20, CASES - i) }, () =>
        call('POST', '/cases/walk-in', clerk, {
          matterCode: matter.code,
          applicant: {
            kind: 'PERSON',
            name: '压测缴费',
            idNumber: '11010519491231002X',
            contactName: '压测',
            phone: '13912340000',
          },
          materials: [0, 1, 2, 3, 4].map((index) => ({ index, status: 'ORIGINAL_SEEN' })),
        }),
      ),
    ))
      received.push(c.id);

  const blast = (paths, headers, bodyOf) => {
    let next = 0;
    return new Promise((resolve, reject) =>
      autocannon(
        {
          url: `http://127.0.0.1:${server.port}`,
          connections: 20,
          amount: paths.length,
          requests: [
            {
              method: 'POST',
              setupRequest: (req) => {
                const i = next++;
                return {
                  ...req,
                  path: `/api${paths[i].path}`,
                  headers: headers(),
                  body: JSON.stringify(bodyOf(paths[i])),
                };
              },
            },
          ],
        },
        (e, r) => (e ? reject(e) : resolve(r)),
      ),
    );
  };
  const half = CASES / 2;
  const runs = [];
  for (const part of [received.slice(0, half), received.slice(half)]) {
    runs.push({
      what: 'accept',
      r: await blast(
        part.map((id) => ({ path: `/cases/${id}/accept` })),
        // A copy: autocannon writes the request's content-length into the headers it is given.
        () => ({ ...clerk }),
        () => ({}),
      ),
    });
    const notices = [];
    for (let i = 0; i < part.length; i += 20)
      notices.push(
        ...(await Promise.all(
          part.slice(i, i + 20).map((id) =>
            call('POST', `/cases/${id}/fees/assessment`, clerk, {
              items: [{ code: 'BDC001', quantity: 1, amountFen: 8000 }],
            }),
          ),
        )),
      );
    runs.push({
      what: 'confirm',
      r: await blast(
        notices.map((n) => ({ path: '/integration/v1/payments', n })),
        () => ({ ...bank, 'idempotency-key': randomUUID() }),
        ({ n }) => ({
          paymentCode: n.paymentCode,
          amountFen: n.totalFen,
          bankTransactionId: `BENCH-${n.paymentCode}`,
          paidAt: new Date().toISOString(),
          channel: 'COUNTER',
        }),
      ),
    });
  }
  const summed = (what) => {
    const rs = runs.filter((x) => x.what === what).map((x) => x.r);
    return {
      rate: rs.reduce((n, r) => n + r.requests.total, 0) / rs.reduce((n, r) => n + r.duration, 0),
      non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
      p99: Math.max(...rs.map((r) => r.latency.p99)),
    };
  };
  const [accept, confirm] = [summed('accept'), summed('confirm')];
  const { rows } = await db.query(`SELECT number FROM fee_receipt ORDER BY number`);
  const gapless = rows.every((r, i) => r.number === rows[0].number + i);
  console.log(
    `at 20 concurrent on ${CASES} cases: acceptances ${accept.rate.toFixed(0)}/s (p99 ${accept.p99} ms, non-2xx ${accept.non2xx}), ` +
      `bank confirmations ${confirm.rate.toFixed(0)}/s (p99 ${confirm.p99} ms, non-2xx ${confirm.non2xx}): ` +
      `${(confirm.rate / accept.rate).toFixed(2)} of the acceptance rate (target ≥ 0.5); ` +
      `${rows.length} receipts, numbers ${rows[0]?.number}–${rows.at(-1)?.number}, ${gapless ? 'no gap' : 'GAPS'}`,
  );

  // 2. 100,000 confirmations of one day (synthetic rows: notices on one case, cancelled so the one-per-case rule
  // holds; reconciliation reads only the payments) and the bank's statement of them with a few of each difference.
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const [{ id: caseId }] = (await db.query(`SELECT id FROM service_case LIMIT 1`)).rows;
  await db.query(
    `WITH n AS (
       INSERT INTO payment_notice (case_id, department_id, department_name, matter_name, receipt_no, payment_code, payer_name,
         items, gross_fen, waived_fen, total_fen, due_date, state, issued_at, issued_by_name, created_at, updated_at, version)
       SELECT $1, sc.department_id, '压测', '压测', 'SJ', '8' || lpad(g::text, 19, '0'), '压测', '[]', 8000, 0, 8000, $2::date, 'CANCELLED',
              now(), '压测', now(), now(), 1
       FROM generate_series(1, $3) g, (SELECT department_id FROM service_case WHERE id = $1) sc
       RETURNING id, payment_code)
     INSERT INTO fee_payment (notice_id, amount_fen, bank_transaction_id, confirmed_by_id, bank_name, channel, paid_at, confirmed_at)
     SELECT id, 8000, 'R' || payment_code, gen_random_uuid(), '压测', 'COUNTER', ($2::date + time '10:00') - interval '8 hours', now() FROM n`,
    [caseId, day, LINES],
  );
  const txns = (
    await db.query(`SELECT bank_transaction_id FROM fee_payment WHERE bank_transaction_id LIKE 'R%' ORDER BY 1`)
  ).rows;
  const lines = ['交易流水号,交易金额,交易时间,缴款码'];
  txns.forEach((t, i) => {
    if (i % 2000 === 1) return; // here only
    lines.push(`${t.bank_transaction_id},${i % 2000 === 2 ? '79.00' : '80.00'},${day} 10:00:00,`);
  });
  for (let i = 0; i < 50; i++) lines.push(`BANKONLY${i},12.00,${day} 11:00:00,`);
  const csv = lines.join('\n');
  const started = performance.now();
  const res = await fetch(`${server.base}/fees/reconciliations?date=${day}`, {
    method: 'POST',
    headers: { authorization: finance.authorization, 'content-type': 'text/csv' },
    body: csv,
  });
  const rec = await res.json();
  const reconcileMs = performance.now() - started;
  if (!res.ok) throw new Error(JSON.stringify(rec));
  const j0 = performance.now();
  const joined = await db.query(
    `SELECT count(*)::int AS n FROM bank_statement_line l JOIN fee_payment p ON p.bank_transaction_id = l.bank_transaction_id
     WHERE l.statement_id = $1 AND l.amount_fen = p.amount_fen`,
    [rec.id],
  );
  const joinMs = performance.now() - j0;
  console.log(
    `reconciling ${rec.bankLines} statement lines against ${rec.localPayments} payments: ${(reconcileMs / 1000).toFixed(2)} s ` +
      `(upload, check, write, classify; target < 10 s); a plain join of the two tables ${joinMs.toFixed(0)} ms ` +
      `(${(reconcileMs / joinMs).toFixed(1)}× the join); matched ${rec.matched} (join ${joined.rows[0].n}), ` +
      `differences ${JSON.stringify(rec.differences)}`,
  );
} finally {
  await db.end();
  await server.stop();
  await scratch.drop();
}
