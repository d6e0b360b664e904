import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, loginStaff, screenshot, useSystem } from '../lib/harness.mjs';

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
  for (const item of ['实时监控', '红黄牌', '督办', '投诉处理', '绩效排名', '预警策略', '审计日志'])
    assert.ok(nav.includes(item), item);
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
    applicant: {
      kind: 'PERSON',
      name: '赵看板',
      idNumber: '11010519491231002X',
      contactName: '赵看板',
      phone: '13912340000',
    },
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

test("the clerk is told of a new card at once, opens the department's cards and appeals it", async () => {
  const { system } = ctx;
  // Monday 14th: 5 working days end on Monday 21st; the warning comes at the end of Friday 18th.
  await system.api('admin', 'PUT', '/platform/clock', { now: '2026-12-14T09:00:00+08:00' });
  const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await loginStaff(system, page, 'scjg.clerk');
  const receipt = await system.api('scjg.clerk', 'POST', '/cases/walk-in', {
    matterCode: 'XK00001001',
    applicant: {
      kind: 'PERSON',
      name: '钱申诉',
      idNumber: '11010519491231002X',
      contactName: '钱申诉',
      phone: '13912340001',
    },
    materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' })),
  });
  await page.waitForTimeout(1000); // the live channel is open once the desk is shown
  await system.api('admin', 'PUT', '/platform/clock', { now: '2026-12-19T09:00:00+08:00' });
  await system.api('supervisor', 'POST', '/supervision/sweeps');

  const notice = page.locator('.live-card', { hasText: receipt.receiptNo });
  await notice.waitFor({ timeout: 15_000 });
  assert.match(await notice.innerText(), /黄牌：临近时限/);
  await page.waitForTimeout(600); // let the notification slide in
  await screenshot(page, 'staff-live-card');
  await notice.click();
  await page.locator('[data-test=cards]').waitFor();
  const cards = await system.api('scjg.clerk', 'GET', '/supervision/cards?pageSize=100');
  const card = cards.items.find((k) => k.receiptNo === receipt.receiptNo && k.level === 'YELLOW');
  await page.locator(`[data-test=appeal-${card.id}]`).click();
  await page.locator('[data-test=answer-text]').fill('申请人当日要求暂缓受理，已留存书面说明');
  await page.locator('[data-test=answer-submit]').click();
  await page
    .locator('[data-test=cards] .el-table__row', { hasText: receipt.receiptNo })
    .filter({ hasText: '申诉中' })
    .first()
    .waitFor();
  assert.equal(
    await page.locator(`[data-test=appeal-${card.id}]`).count(),
    0,
    'an appealed card cannot be appealed again',
  );
  await page.locator('.el-dialog').waitFor({ state: 'hidden' });
  // The notice closed when it was clicked; the appeal coming back on the live channel is not news to the one who made it.
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('.live-card', { hasText: receipt.receiptNo }).count(), 0);
  await screenshot(page, 'staff-cards-appealed');
});

test('a supervisor signs off the card policy an administrator proposed, then reads and exports department performance', async () => {
  const { system } = ctx;
  const proposed = await system.api('admin', 'POST', '/deadline-policy', {
    usedPercent: 80,
    minLeft: 1,
    byKind: { CASE: { usedPercent: 60, minLeft: 2 } },
    note: '办理时限用去六成即预警',
  });
  assert.equal(proposed.state, 'PROPOSED', JSON.stringify(proposed));
  const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await fillLogin(page, 'supervisor');
  await page.locator('[data-test=nav-policy]').click();
  await page.locator('[data-test=policy-waiting]', { hasText: '待签认：第 2 版' }).waitFor();
  assert.match(await page.locator('[data-test=policy-waiting]').innerText(), /办理时限\s+60%\s+2/);
  await page.locator('[data-test=decision-note]').fill('同意，自签认时起执行');
  await page.locator('[data-test=sign-off]').click();
  await page.locator('[data-test=policy-in-force]', { hasText: '生效中：第 2 版' }).waitFor();
  assert.match(await page.locator('[data-test=policy-in-force]').innerText(), /签认：郑监察/);
  await screenshot(page, 'supervision-policy');

  await page.locator('[data-test=nav-rankings]').click();
  await page.locator('[data-test=ranking]', { hasText: '市市场监督管理局' }).waitFor();
  await page.locator('[data-test=chart-weeks] canvas').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-test=export-xlsx]').click(),
  ]);
  assert.match(download.suggestedFilename(), /^部门绩效-\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}\.xlsx$/);
  await page.waitForTimeout(1200); // the charts' bars grow in
  await screenshot(page, 'supervision-rankings');
});
