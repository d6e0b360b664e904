import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginApplicant, loginStaff, pdfFile, screenshot, useSystem } from '../lib/harness.mjs';

const ctx = useSystem();
const desktop = { viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' };

test('一件事一次办: a company applies for 开办餐馆 in one form on a phone, the licence uploaded once for three matters; the comprehensive window accepts all three at once; the public query shows each department’s part', async () => {
  const { system } = ctx;
  await system.api('admin', 'PUT', '/platform/clock', { now: '2026-11-02T09:00:00+08:00' });

  // The portal lists the life event; its guide shows the merged form.
  const company = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await loginApplicant(system, company, '13800000002', '/life-events');
  await company.locator('[data-test=life-events] a', { hasText: '开办餐馆' }).click();
  const materials = company.locator('[data-test=life-event-materials] li');
  await materials.first().waitFor();
  await company.locator('[data-test=life-event-materials] li', { hasText: '3 个事项共用' }).waitFor();
  const items = await materials.count();
  await company.locator('[data-test=apply-bundle]').click();
  await company.locator('[data-test=my-bundle]').waitFor();

  await company.getByLabel('单位名称').fill('示范餐饮有限公司');
  await company.getByLabel('统一社会信用代码').fill('91330100MA2K8X7Q0R');
  await company.getByLabel('经办人').fill('李经办');
  await company.getByLabel('手机号').fill('13912345678');
  assert.equal(await company.locator('[data-test^=bundle-item-]').count(), items);
  for (let i = 0; i < items; i++) {
    await company.locator(`[data-test=bundle-upload-${i}]`).setInputFiles(pdfFile(`开办餐馆材料${i + 1}.pdf`));
    await company.locator(`[data-test=bundle-item-${i}]`, { hasText: '已上传' }).waitFor();
  }
  await company.locator('[data-test=bundle-submit]').click();
  await company.locator('[data-test=bundle-state]', { hasText: '已收件' }).waitFor();
  const bundleNo = (await company.locator('[data-test=bundle-no]').innerText()).trim();
  const queryCode = (await company.locator('[data-test=my-bundle]').innerText()).match(/查询码\s*([A-Z0-9]{6})/)[1];
  await screenshot(company, 'bundle-received-phone');

  // The comprehensive window accepts every part in one go; each goes to its department.
  const desk = await ctx.browser.newPage(desktop);
  await loginStaff(system, desk, 'zwb.clerk');
  await desk.locator('[data-test="nav-/bundles"]').click();
  await desk.locator('[data-test=bundle-link]', { hasText: bundleNo }).click();
  await desk.locator('[data-test=bundle-accept]').click();
  await desk.locator('[data-test=bundle-accept-submit]').click();
  const parts = desk.locator('[data-test=bundle-parts]');
  for (const dept of ['SCJG-', 'WJW-', 'CGJ-']) await parts.getByText(dept).waitFor();
  assert.equal(await parts.getByText('审查中').count(), 3);
  const foodCaseNo = (await parts.innerText()).match(/SCJG-\d{8}-\d{4}/)[0];
  await screenshot(desk, 'bundle-accepted-desk');

  // 市场监管 finds its part in its own queue, marked as a bundle's.
  const scjg = await ctx.browser.newPage(desktop);
  await loginStaff(system, scjg, 'scjg.clerk');
  await scjg.goto(`${system.baseUrl}/staff/cases?queue=TO_REVIEW`);
  await scjg.locator('[data-test=case-search]').fill(foodCaseNo);
  await scjg.locator('[data-test=case-search]').press('Enter');
  await scjg.locator('[data-test=case-link]', { hasText: foodCaseNo }).click();
  await scjg.locator('[data-test=case-bundle]', { hasText: bundleNo }).waitFor();

  // Anyone with the number and the code follows it per department.
  const visitor = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await visitor.goto(`${system.baseUrl}/progress?no=${bundleNo}&code=${queryCode}`);
  const progress = visitor.locator('[data-test=bundle-progress]');
  await progress.waitFor();
  for (const d of ['市市场监督管理局', '市卫生健康委员会', '市城市管理局']) await progress.getByText(d).waitFor();
  assert.match(await progress.innerText(), /办理中/);
  await screenshot(visitor, 'bundle-progress-phone');
});
