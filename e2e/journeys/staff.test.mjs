import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, screenshot, useSystem } from '../lib/harness.mjs';

const ctx = useSystem();

async function login(page, who) {
  await page.goto(`${ctx.system.baseUrl}/staff/`);
  await page.locator('[data-test=login]').fill(who);
  await page.locator('[data-test=password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('[data-test=greeting]').waitFor();
}

test('a window clerk logs in, sees the desk with their department and backup, and logs out', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  await login(page, 'scjg.clerk');
  const record = page.locator('[data-test=my-record]', { hasText: '市市场监督管理局' });
  await record.waitFor();
  await page.locator('[data-test=my-record]', { hasText: 'A01' }).waitFor();
  const desk = await record.innerText();
  assert.match(desk, /窗口工作人员/);
  assert.match(desk, /市市场监督管理局/);
  assert.match(desk, /A01 市场监管窗口/);
  const nav = await page.locator('.el-menu').innerText();
  assert.match(nav, /受理/);
  assert.doesNotMatch(nav, /部门\n|工作人员/); // administration is not for clerks
  await screenshot(page, 'staff-home-clerk');

  await page.locator('[data-test=logout]').click();
  await page.getByText('工作人员登录').waitFor();
  assert.match(page.url(), /\/staff\/login$/);
});

test('a department lead sees only their department on the staff page', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  await login(page, 'scjg.lead');
  await page.locator('[data-test="nav-/org/staff"]').click();
  await page.locator('[data-test=staff] .el-table__row').first().waitFor();
  const rows = await page.locator('[data-test=staff] .el-table__row').allInnerTexts();
  assert.ok(rows.length >= 4);
  for (const r of rows) assert.match(r, /市市场监督管理局/);
  await screenshot(page, 'staff-org-staff-lead');
});

test('an expired session returns to the login page and says so', async () => {
  const page = await ctx.browser.newPage({ locale: 'zh-CN' });
  await login(page, 'zjj.clerk');
  // Eight days on the business clock: past the access and the refresh token.
  await ctx.system.api('admin', 'POST', '/platform/clock/advance', { seconds: 8 * 86_400 });
  await page.locator('[data-test="nav-/calendar"]').click();
  await page.locator('[data-test=away]').click().catch(() => undefined);
  await page.goto(`${ctx.system.baseUrl}/staff/`);
  await page.locator('[data-test=expired]').waitFor();
  assert.match(page.url(), /\/staff\/login/);
  await screenshot(page, 'staff-session-expired');
});
