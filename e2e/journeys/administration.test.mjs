import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginStaff, screenshot, useSystem } from '../lib/harness.mjs';

const ctx = useSystem();

/** Picks an option of an Element Plus select by its visible text. */
async function choose(page, select, text) {
  await page.locator(select).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click();
}

test('an administrator opens a window, creates a staff member placed at it with a backup, who logs in; deactivating the account ends their session and refuses the next login', async () => {
  const admin = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await loginStaff(ctx.system, admin, 'admin');

  // A new window of 市场监管.
  await admin.locator('[data-test="nav-/org/windows"]').click();
  await admin.locator('[data-test=windows] .el-table__row').first().waitFor();
  await admin.locator('[data-test=window-create]').click();
  await admin.locator('[data-test=win-number]').fill('B09');
  await admin.locator('[data-test=win-submit]').click();
  // The name and the department are required: the dialog stays and names the field.
  await admin.locator('[data-test=window-dialog] .el-form-item__error').first().waitFor();
  await admin.locator('[data-test=win-name]').fill('市场监管二号窗口');
  await choose(admin, '[data-test=win-department]', '市市场监督管理局');
  await admin.locator('[data-test=win-submit]').click();
  await admin.locator('[data-test=windows] .el-table__row', { hasText: 'B09' }).waitFor();
  await screenshot(admin, 'staff-org-windows');

  // A new clerk at B09 with scjg.clerk as backup.
  await admin.locator('[data-test="nav-/org/staff"]').click();
  await admin.locator('[data-test=staff] .el-table__row').first().waitFor();
  await admin.locator('[data-test=staff-create]').click();
  await admin.locator('[data-test=st-login]').fill('scjg.new');
  await admin.locator('[data-test=st-name]').fill('钱新来');
  await admin.locator('[data-test=st-password]').fill('short');
  await choose(admin, '[data-test=st-department]', '市市场监督管理局');
  await choose(admin, '[data-test=st-window]', 'B09');
  await choose(admin, '[data-test=st-backup]', 'scjg.clerk）');
  await admin.locator('[data-test=st-submit]').click();
  // A weak password is refused on its field; nothing is created.
  const pwError = admin.locator('[data-test=staff-dialog] .el-form-item.is-error', { hasText: '初始密码' });
  await pwError.waitFor();
  await admin.locator('[data-test=st-password]').fill('Welcome2026');
  await admin.locator('[data-test=st-submit]').click();
  await admin.locator('[data-test=staff-dialog]').waitFor({ state: 'hidden' });
  await admin.locator('[data-test=staff-search]').fill('钱新来');
  await admin.locator('[data-test=staff-search]').press('Enter');
  const row = admin.locator('[data-test=staff] .el-table__row', { hasText: 'scjg.new' });
  await row.waitFor();
  const text = await row.innerText();
  assert.match(text, /市市场监督管理局/);
  assert.match(text, /B09 市场监管二号窗口/);
  assert.match(text, /窗口工作人员/);
  assert.match(text, /启用/);
  assert.equal(await admin.locator('[data-test=staff] .el-table__row').count(), 1);
  await screenshot(admin, 'staff-org-staff-admin');

  // The new clerk logs in and sees the window on the desk.
  const clerkContext = await ctx.browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  const clerk = await clerkContext.newPage();
  await clerk.goto(`${ctx.system.baseUrl}/staff/`);
  await clerk.locator('[data-test=login]').fill('scjg.new');
  await clerk.locator('[data-test=password]').fill('Welcome2026');
  await clerk.getByRole('button', { name: '登录' }).click();
  await clerk.locator('[data-test=my-record]', { hasText: 'B09' }).waitFor();

  // Deactivating asks first; calling it off changes nothing.
  await row.locator('[data-test="staff-disable-scjg.new"]').click();
  await admin.locator('.el-popconfirm:visible').waitFor();
  await admin.locator('.el-popconfirm:visible').getByRole('button', { name: '取消' }).click();
  assert.match(await row.innerText(), /启用/);
  await row.locator('[data-test="staff-disable-scjg.new"]').click();
  await admin.locator('.el-popconfirm:visible').getByRole('button', { name: '停用' }).click();
  await row.locator('text=停用').first().waitFor();
  await admin
    .locator('[data-test=staff] .el-table__row', { hasText: 'scjg.new' })
    .locator('[data-test="staff-enable-scjg.new"]')
    .waitFor();

  // The clerk's session has ended: the next page load goes back to the login page, and logging in is refused.
  await clerk.reload();
  await clerk.locator('[data-test=login]').waitFor();
  await clerk.locator('[data-test=login]').fill('scjg.new');
  await clerk.locator('[data-test=password]').fill('Welcome2026');
  await clerk.getByRole('button', { name: '登录' }).click();
  await clerk.locator('[role=alert], .el-message--error, [data-test=login-error]').first().waitFor();
  assert.equal(await clerk.locator('[data-test=greeting]').count(), 0);
  await clerkContext.close();
});

test('a department lead marks a colleague away and back, but cannot create or deactivate anyone', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  await loginStaff(ctx.system, page, 'scjg.lead');
  await page.locator('[data-test="nav-/org/staff"]').click();
  const row = page.locator('[data-test=staff] .el-table__row', { hasText: 'scjg.approver' });
  await row.waitFor();
  assert.equal(await page.locator('[data-test=staff-create]').count(), 0);
  assert.equal(await page.locator('[data-test^=staff-disable-]').count(), 0);
  await row.locator('[data-test="staff-away-scjg.approver"]').click();
  await row.locator('.kit-tag, .el-tag', { hasText: '外出' }).waitFor();
  await row.locator('[data-test="staff-away-scjg.approver"]', { hasText: '返岗' }).click();
  await row.locator('[data-test="staff-away-scjg.approver"]', { hasText: '外出' }).waitFor();
  assert.match(await row.innerText(), /启用/);
});
