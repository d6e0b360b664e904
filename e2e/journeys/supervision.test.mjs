import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, screenshot, useSystem } from '../lib/harness.mjs';

const ctx = useSystem();

async function fillLogin(page, who) {
  await page.goto(`${ctx.system.baseUrl}/supervision/`);
  await page.locator('[data-test=login]').fill(who);
  await page.locator('[data-test=password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

test('a supervisor logs in, sees the live board with the audit chain intact, and logs out', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await fillLogin(page, 'supervisor');
  await page.locator('[data-test=chain-ok]').waitFor();
  assert.match(await page.locator('[data-test=chain-ok]').innerText(), /完整：已校验 \d+ 条记录/);
  const nav = await page.locator('.sv-menu').innerText();
  for (const item of ['实时监控', '红黄牌', '督办', '投诉处理', '绩效排名', '审计日志']) assert.ok(nav.includes(item), item);
  await screenshot(page, 'supervision-board');

  await page.locator('[data-test=nav-audit]').click();
  await page.locator('[data-test=verify]').click();
  await page.locator('[data-test=chain-ok]').waitFor();
  await screenshot(page, 'supervision-audit');

  await page.locator('[data-test=logout]').click();
  await page.getByText('监察员登录').waitFor();
});

test('a card appears on the live board as the sweep issues it, without reloading the page', async () => {
  const { system } = ctx;
  // A Monday morning: the receipt's 5 working days (the day itself not counted) end on Monday 14th, the warning
  // with one working day left at the end of Friday 11th.
  await system.api('admin', 'PUT', '/platform/clock', { now: '2026-12-07T09:00:00+08:00' });
  const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await fillLogin(page, 'supervisor');
  await page.locator('[data-test=live-state]', { hasText: '实时连接' }).waitFor();
  await page.evaluate(() => (window.stillTheSamePage = true));

  const receipt = await system.api('scjg.clerk', 'POST', '/cases/walk-in', {
    matterCode: 'XK00001001',
    applicant: { kind: 'PERSON', name: '赵看板', idNumber: '11010519491231002X', contactName: '赵看板', phone: '13912340000' },
    materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' })),
  });
  assert.ok(receipt.receiptNo, JSON.stringify(receipt));
  await system.api('admin', 'PUT', '/platform/clock', { now: '2026-12-12T09:00:00+08:00' });
  const run = await system.api('supervisor', 'POST', '/supervision/sweeps');
  assert.equal(run.status, 'DONE');
  assert.equal(run.yellow, 1);

  const card = page.locator(`[data-test=live-card-${receipt.receiptNo}]`);
  await card.waitFor({ timeout: 15_000 });
  assert.match(await card.innerText(), /黄牌[\s\S]*临近时限/);
  assert.equal(await page.evaluate(() => window.stillTheSamePage), true, 'the page was not reloaded');
  await page.locator('[data-test=last-run]', { hasText: '最近巡检' }).waitFor();
  // The counts are read again after each pushed event.
  await page.locator('[data-test=total-yellow]', { hasText: '1' }).waitFor();
  assert.match(await page.locator('[data-test=by-department]').innerText(), /市市场监督管理局/);
  await page.waitForTimeout(800); // let the new row's highlight fade in
  await screenshot(page, 'supervision-live-card');

  await card.locator('a').click();
  await page.locator('[data-test=clock-explanation]').waitFor();
  assert.match(await page.locator('[data-test=case-steps]').innerText(), /提交申请/);
  await screenshot(page, 'supervision-card');
});

test('a window clerk is turned away from the supervision system', async () => {
  const page = await ctx.browser.newPage({ locale: 'zh-CN' });
  await fillLogin(page, 'scjg.clerk');
  assert.equal(await page.locator('[data-test=login-error]').innerText(), '此系统仅供监察员和中心管理员使用');
  assert.match(page.url(), /\/supervision\/login|\/supervision\/$/);
});
