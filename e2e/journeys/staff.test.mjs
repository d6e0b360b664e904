import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downloadedPdfText, loginStaff, screenshot, useSystem } from '../lib/harness.mjs';

const ctx = useSystem();

const login = (page, who) => loginStaff(ctx.system, page, who);

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
  assert.match(nav, /办件\n协办\n窗口收件/);
  // The desk lists the work queues with their counts.
  await page.locator('[data-test=todo]', { hasText: '待受理' }).waitFor();
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

test('an administrator changes a day in the working calendar and sees the clocks recomputed', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, 'admin');
  await page.goto(`${ctx.system.baseUrl}/staff/calendar?year=2026`);
  const festival = page.locator('button[data-date="2026-02-17"]');
  await festival.waitFor();
  assert.match(await festival.getAttribute('class'), /HOLIDAY/);
  assert.match(await festival.innerText(), /春节/);
  assert.match(await page.locator('button[data-date="2026-02-14"]').getAttribute('class'), /MAKEUP_WORKDAY/);
  assert.match(await page.locator('[data-test=confirmed]').innerText(), /国务院办公厅关于2026年部分节假日安排的通知/);
  await screenshot(page, 'staff-calendar-2026');

  await page.locator('button[data-date="2026-05-20"]').click();
  await page.locator('[data-test=edit-kind]').getByText('法定节假日').click();
  await page.locator('[data-test=edit-name]').fill('演示调整');
  await page.locator('[data-test=save-day]').click();
  await page.getByText(/已更新 1 天，\d+ 个计时的截止或预警时间随之调整/).waitFor();
  await page.locator('button[data-date="2026-05-20"].HOLIDAY[title*="演示调整"]', { hasText: '演示' }).waitFor();

  // A weekday cannot become an ordinary rest day: the server's reason is shown in the dialog.
  await page.locator('button[data-date="2026-05-21"]').click();
  await page.locator('[data-test=edit-kind]').getByText('休息日').click();
  await page.locator('[data-test=save-day]').click();
  assert.match(await page.locator('[data-test=edit-error]').innerText(), /工作日不能设为休息日/);
});

test('an administrator publishes a new version of a guide, and the portal shows it', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  await login(page, 'admin');
  await page.locator('[data-test="nav-/catalog"]').click();
  await page.locator('[data-test=catalog-search]').fill('食品经营');
  await page.locator('[data-test=catalog-search]').press('Enter');
  await page.locator('[data-test=matter-link]', { hasText: '食品经营许可' }).click();
  await page.locator('[data-test=version-status]', { hasText: '已发布' }).waitFor();
  await page.locator('[data-test=clone]').click();
  await page.locator('[data-test=version-status]', { hasText: '第 2 版 · 草稿' }).waitFor();

  // A promised limit beyond the statutory one is refused beside the field.
  await page.locator('[data-test=f-promised] input').fill('30');
  await page.locator('[data-test=check]').click();
  await page.getByText('承诺时限不得超过法定时限').waitFor();
  await screenshot(page, 'staff-catalog-editor-error');

  await page.locator('[data-test=f-promised] input').fill('8');
  await page.locator('[data-test=publish]').click();
  await page.locator('[data-test=version-status]', { hasText: '第 2 版 · 已发布' }).waitFor();
  // The history shows what changed from version 1, line by line.
  const change = page.locator('[data-test=change-promisedLimit]');
  await change.waitFor();
  assert.match(await change.innerText(), /承诺时限\s+10 个工作日\s+8 个工作日/);
  await screenshot(page, 'staff-catalog-history-diff');

  const portal = await ctx.browser.newPage({ locale: 'zh-CN' });
  await portal.goto(`${ctx.system.baseUrl}/guides/XK00001001`);
  await portal.locator('[data-test=promised]', { hasText: '8 个工作日' }).waitFor();
  assert.match(await portal.locator('[data-test=guide]').innerText(), /第 2 版/);
  const [sheet] = await Promise.all([
    portal.waitForEvent('download'),
    portal.locator('[data-test=notification-sheet]').click(),
  ]);
  assert.match(await downloadedPdfText(sheet), /承诺办结时限：\s*8 个工作日/);
});

test('an administrator exports the catalog to Excel, dry-runs it back and sees every row pass without writing', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  await login(page, 'admin');
  await page.goto(`${ctx.system.baseUrl}/staff/catalog-transfer`);
  const [exported] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-test=export-xlsx]').click(),
  ]);
  assert.match(exported.suggestedFilename(), /^事项目录-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const { readFile } = await import('node:fs/promises');
  await page.locator('[data-test=import-file]').setInputFiles({
    name: exported.suggestedFilename(),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await readFile(await exported.path()),
  });
  const verdict = page.locator('[data-test^=dry-run]');
  await verdict.waitFor();
  await screenshot(page, 'staff-catalog-transfer');
  assert.equal(await verdict.getAttribute('data-test'), 'dry-run-ok', await page.locator('main').innerText());
  assert.match(await verdict.innerText(), /试导入通过：新建 0 个，更新为草稿 0 个，未变化 \d+ 个/);
});

test('a clerk sees the calendar read-only', async () => {
  const page = await ctx.browser.newPage({ locale: 'zh-CN' });
  await login(page, 'scjg.clerk2');
  await page.goto(`${ctx.system.baseUrl}/staff/calendar?year=2025`);
  await page.locator('button[data-date="2025-10-01"].HOLIDAY').waitFor();
  assert.equal(await page.locator('[data-test=import]').count(), 0);
  await page.locator('button[data-date="2025-10-09"]').click();
  assert.equal(await page.locator('[data-test=save-day]').isVisible(), false);
});

test('an expired session returns to the login page and says so', async () => {
  const page = await ctx.browser.newPage({ locale: 'zh-CN' });
  await login(page, 'zjj.clerk');
  // Eight days on the business clock: past the access and the refresh token.
  await ctx.system.api('admin', 'POST', '/platform/clock/advance', { seconds: 8 * 86_400 });
  await page.locator('[data-test="nav-/calendar"]').click();
  await page
    .locator('[data-test=away]')
    .click()
    .catch(() => undefined);
  await page.goto(`${ctx.system.baseUrl}/staff/`);
  await page.locator('[data-test=expired]').waitFor();
  assert.match(page.url(), /\/staff\/login/);
  await screenshot(page, 'staff-session-expired');
});
