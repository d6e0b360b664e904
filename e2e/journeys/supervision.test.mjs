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
  assert.match(await page.locator('[data-test=recent]').innerText(), /auth\.login/);
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

test('a window clerk is turned away from the supervision system', async () => {
  const page = await ctx.browser.newPage({ locale: 'zh-CN' });
  await fillLogin(page, 'scjg.clerk');
  assert.equal(await page.locator('[data-test=login-error]').innerText(), '此系统仅供监察员和中心管理员使用');
  assert.match(page.url(), /\/supervision\/login|\/supervision\/$/);
});
