// 演示银行 (demo only): the collecting bank's online payment page, so the demo's fee loop closes. It takes a token
// as the demo bank's machine client and confirms through the real integration API, exactly as a bank's system would
// (`POST /api/integration/v1/payments` under an Idempotency-Key). No money moves. Started by `npm start` in demo mode.
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';

const api = (process.env.ONEWINDOW_API_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const port = Number(process.env.DEMO_BANK_PORT ?? 3001);
const client = {
  id: process.env.DEMO_BANK_CLIENT_ID ?? 'owc_demo_bank',
  secret: process.env.DEMO_BANK_SECRET ?? 'ows_demo_bank_Demo2026',
};
let token = null;

async function getToken(force = false) {
  if (token && !force) return token;
  const res = await fetch(`${api}/api/integration/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }),
  });
  if (!res.ok) throw new Error(`token: ${res.status}`);
  token = (await res.json()).access_token;
  return token;
}

async function call(method, path, body, key) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = await fetch(`${api}/api/integration/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await getToken(attempt > 0)}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (res.status === 401 && attempt === 0) continue;
    return { status: res.status, body: await res.json().catch(() => ({})) };
  }
}

const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const yuan = (fen) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')} 元`;
const page = (title, body) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} · 示范银行（演示）</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#f4f6f8;color:#1f2329}
.demo{background:#b42318;color:#fff;padding:8px 16px;font-size:14px}header{background:#0b5394;color:#fff;padding:14px 16px;font-size:18px}
main{max-width:560px;margin:16px auto;padding:0 12px}.card{background:#fff;border-radius:8px;padding:18px;box-shadow:0 1px 3px #0002}
dt{color:#5c6370;font-size:13px;margin-top:10px}dd{margin:2px 0 0;font-size:16px}.amount{font-size:28px;font-weight:700;color:#0b5394}
button,.btn{display:block;width:100%;box-sizing:border-box;margin-top:18px;padding:14px;font-size:17px;border:0;border-radius:6px;background:#0b5394;color:#fff;text-align:center;text-decoration:none}
.err{color:#b42318}.ok{color:#067647;font-size:20px}</style></head><body>
<div class="demo" role="note">演示环境：本页模拟代收银行，不发生真实扣款（demo bank — no money moves）</div>
<header>示范银行 · 非税收入网上缴款</header><main><div class="card">${body}</div></main></body></html>`;

function send(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

async function readForm(req) {
  let data = '';
  for await (const chunk of req) {
    data += chunk;
    if (data.length > 10_000) break;
  }
  return new URLSearchParams(data);
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', `http://localhost:${port}`);
    const back = url.searchParams.get('return') ?? `${api}/apply`;
    if (req.method === 'GET' && url.pathname === '/pay') {
      const code = (url.searchParams.get('code') ?? '').replace(/\s/g, '');
      const r = await call('GET', `/payment-notices/${encodeURIComponent(code)}`);
      if (r.status !== 200)
        return send(res, r.status, page('缴款', `<p class="err">${esc(r.body.message ?? '查询失败')}</p>`));
      const n = r.body;
      const items = n.items.map((i) => `<li>${esc(i.name)}：${yuan(i.amountFen)}</li>`).join('');
      if (n.state !== 'ISSUED')
        return send(
          res,
          200,
          page(
            '缴款',
            `<p>该通知书${n.state === 'PAID' ? '已缴清' : '不可缴款'}。</p><a class="btn" href="${esc(back)}">返回办件</a>`,
          ),
        );
      return send(
        res,
        200,
        page(
          '确认缴款',
          `<dl><dt>缴款码</dt><dd>${esc(n.paymentCode.replace(/(\d{4})(?=\d)/g, '$1 '))}</dd><dt>缴款人</dt><dd>${esc(n.payerName)}</dd>
<dt>执收单位</dt><dd>${esc(n.departmentName)}</dd><dt>项目</dt><dd><ul>${items}</ul></dd>
<dt>应缴金额</dt><dd class="amount">${yuan(n.totalFen)}</dd></dl>
<form method="post" action="/pay"><input type="hidden" name="code" value="${esc(n.paymentCode)}">
<input type="hidden" name="amount" value="${n.totalFen}"><input type="hidden" name="key" value="${randomUUID()}">
<input type="hidden" name="return" value="${esc(back)}"><button type="submit" data-test="bank-confirm">确认支付 ${yuan(n.totalFen)}</button></form>`,
        ),
      );
    }
    if (req.method === 'POST' && url.pathname === '/pay') {
      const f = await readForm(req);
      const ret = f.get('return') ?? back;
      // The form's key makes a double click or a resubmitted page one payment, as a bank's own system does.
      const key = f.get('key') ?? randomUUID();
      const txn = `DEMO${Date.now()}${randomBytes(3).toString('hex').toUpperCase()}`;
      const r = await call(
        'POST',
        '/payments',
        {
          paymentCode: f.get('code'),
          amountFen: Number(f.get('amount')),
          bankTransactionId: txn,
          paidAt: new Date().toISOString(),
          channel: 'ONLINE',
        },
        key,
      );
      if (r.status !== 200)
        return send(
          res,
          r.status,
          page(
            '缴款失败',
            `<p class="err">${esc(r.body.message ?? '缴款失败')}</p><a class="btn" href="${esc(ret)}">返回</a>`,
          ),
        );
      const p = r.body.payment;
      return send(
        res,
        200,
        page(
          '缴款成功',
          `<p class="ok" data-test="bank-paid">缴款成功</p><dl><dt>金额</dt><dd>${yuan(p.amountFen)}</dd>
<dt>银行流水号</dt><dd>${esc(p.bankTransactionId)}</dd><dt>电子票据</dt><dd>${esc(p.receipt?.receiptNo ?? '')}</dd></dl>
<a class="btn" href="${esc(ret)}" data-test="bank-return">返回办件</a>`,
        ),
      );
    }
    send(res, 404, page('未找到', '<p>请从政务服务网的办件页面点击“去缴费”进入。</p>'));
  } catch (e) {
    send(res, 502, page('暂不可用', `<p class="err">银行暂时无法连接政务服务中心：${esc(e.message)}</p>`));
  }
});

server.listen(port, () => console.log(`演示银行 (demo bank) at http://localhost:${port}/pay?code=…`));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
