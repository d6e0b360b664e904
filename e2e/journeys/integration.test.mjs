import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { loginStaff, screenshot, useSystem } from '../lib/harness.mjs';

// 应用接入 in the back office, as a center administrator uses it.

const ctx = useSystem();

async function token(clientId, secret) {
  const res = await fetch(`${ctx.system.baseUrl}/api/integration/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  return { status: res.status, body: await res.json() };
}

test('an administrator registers the bank’s client, sees its secret once, rotates it and revokes the client', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await loginStaff(ctx.system, page, 'admin');
  await page.locator('[data-test="nav-/integration"]').click();
  await page.locator('[data-test=clients] .el-table__row', { hasText: 'owc_demo_gaj' }).waitFor();

  await page.locator('[data-test=create-client]').click();
  // Sent empty: every missing field is marked at once, under its own label.
  await page.locator('[data-test=client-submit]').click();
  const dialog = page.locator('[data-test=create-dialog]');
  await dialog.getByText('请选择部门').waitFor();
  await dialog.getByText('必须是 11 位手机号').waitFor();
  await dialog.getByLabel('应用名称').fill('示范银行非税收缴系统');
  await dialog.getByText('代收银行', { exact: true }).click();
  await dialog.getByText('payments:write').click();
  await dialog.getByText('cases:read').click(); // the bank reads no cases
  await dialog.getByLabel('联系人').fill('李柜员');
  await dialog.getByLabel('联系电话').fill('13900001111');
  await page.locator('[data-test=client-submit]').click();

  const shown = page.locator('[data-test=secret-dialog]');
  await shown.getByText('密钥只显示这一次').waitFor();
  const clientId = await page.locator('[data-test=issued-client-id]').innerText();
  const secret = await page.locator('[data-test=issued-secret]').innerText();
  assert.match(secret, /^ows_/);
  await screenshot(page, 'staff-integration-secret');
  const first = await token(clientId, secret);
  assert.equal(first.status, 200);
  assert.equal(first.body.scope, 'payments:write');
  await page.locator('[data-test=secret-done]').click();
  const row = page.locator('[data-test=clients] .el-table__row', { hasText: clientId });
  await row.getByText('代收银行').waitFor();
  // The list shows only the secret's prefix, never the secret.
  assert.doesNotMatch(await page.locator('[data-test=clients]').innerText(), new RegExp(secret.slice(12)));

  // Rotate with no overlap: the new secret works, the old one at once no more.
  await page.locator(`[data-test=rotate-${clientId}]`).click();
  await page.locator('[data-test=overlap-hours] input').fill('0');
  await page.locator('[data-test=rotate-submit]').click();
  await shown.getByText('密钥只显示这一次').waitFor();
  const rotated = await page.locator('[data-test=issued-secret]').innerText();
  assert.notEqual(rotated, secret);
  await page.locator('[data-test=secret-done]').click();
  assert.equal((await token(clientId, rotated)).status, 200);
  assert.equal((await token(clientId, secret)).status, 401);

  await page.locator(`[data-test=revoke-${clientId}]`).click();
  await page.locator('[data-test=revoke-reason]').fill('银行系统更换');
  await page.locator('[data-test=revoke-submit]').click();
  await row.getByText('已停用').waitFor();
  assert.equal((await token(clientId, rotated)).status, 401);
  await screenshot(page, 'staff-integration-clients');
});

test('an administrator reads a subscription’s deliveries and redelivers one with the same webhook-id', async () => {
  // 公安's system subscribes a receiver of its own, which verifies every delivery.
  const got = [];
  let secret = null;
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const headers = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, req.headers[h]]),
      );
      got.push({ id: headers['webhook-id'], event: new Webhook(secret).verify(body, headers) });
      res.writeHead(204).end();
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  try {
    const { body: tok } = await token('owc_demo_gaj', 'ows_demo_gaj_Demo2026');
    const sub = await fetch(`${ctx.system.baseUrl}/api/integration/v1/webhooks`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tok.access_token}`,
        'content-type': 'application/json',
        'idempotency-key': 'e2e-subscribe',
      },
      body: JSON.stringify({ url: `http://127.0.0.1:${receiver.address().port}/hook`, eventTypes: ['case.*'] }),
    }).then((r) => r.json());
    secret = sub.secret;
    const hit = await (
      await fetch(`${ctx.system.baseUrl}/api/public/matters?q=${encodeURIComponent('户口迁移（市内）')}`)
    ).json();
    const receipt = await ctx.system.api('gaj.clerk', 'POST', '/cases/walk-in', {
      matterCode: hit.items[0].code,
      applicant: {
        kind: 'PERSON',
        name: '钱推送',
        idNumber: '11010519491231002X',
        contactName: '钱推送',
        phone: '13912340001',
      },
      materials: [0, 1, 2].map((index) => ({ index, status: 'ORIGINAL_SEEN' })),
    });
    for (let i = 0; i < 100 && !got.length; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(got.length, 1);
    assert.equal(got[0].event.data.receiptNo, receipt.receiptNo);

    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await loginStaff(ctx.system, page, 'admin');
    await page.goto(`${ctx.system.baseUrl}/staff/integration`);
    await page.getByRole('tab', { name: /事件订阅/ }).click();
    const sRow = page.locator('[data-test=webhooks] .el-table__row', { hasText: `/hook` });
    await sRow.getByText('已送达 1').waitFor();
    await page.locator(`[data-test=log-${sub.endpoint.id}]`).click();
    const log = page.locator('[data-test=deliveries] .el-table__row', { hasText: 'case.submit' });
    await log.getByText('HTTP 204').waitFor();
    await log.click();
    const detail = page.locator('[data-test=delivery-detail]');
    await detail.getByText(receipt.receiptNo).waitFor(); // the body sent
    await page.locator('[data-test=redeliver]').click();
    await detail.getByText('人工').waitFor();
    assert.equal(got.length, 2);
    assert.equal(got[1].id, got[0].id);
    await screenshot(page, 'staff-integration-deliveries');
  } finally {
    receiver.close();
  }
});
