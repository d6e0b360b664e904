import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginApplicant, loginStaff, pdfFile, screenshot, useSystem } from '../lib/harness.mjs';

const ctx = useSystem();
const desktop = { viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' };

async function act(page, selector, fill = async () => {}) {
  await page.locator(selector).click();
  await page.locator('[data-test=action-form]').waitFor();
  await fill();
  await page.locator('[data-test=action-submit]').click();
  await page
    .locator('[data-test=action-form]')
    .waitFor({ state: 'hidden', timeout: 10_000 })
    .catch(async (e) => {
      await screenshot(page, 'parallel-failed-action');
      throw e;
    });
}

test('a joint matter: applied for online, accepted by the lead, approved by one co-department in its queue, deemed for a silent one by the sweep, decided, and followed per department by the applicant', async () => {
  const { system } = ctx;
  await system.api('admin', 'PUT', '/platform/clock', { now: '2026-09-28T09:00:00+08:00' });
  const found = await (
    await fetch(`${system.baseUrl}/api/public/matters?q=${encodeURIComponent('施工许可证')}`)
  ).json();
  const code = found.items.find((m) => m.name === '建筑工程施工许可证核发').code;

  // A company applies on a phone.
  const company = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await loginApplicant(system, company, '13800000002', `/guides/${code}`);
  await company.locator('[data-test=apply]').click();
  await company.locator('[data-test=my-case]').waitFor();
  await company.getByLabel('法人及其他组织').check();
  await company.getByLabel('单位名称').fill('示范建设工程有限公司');
  await company.getByLabel('统一社会信用代码').fill('91330100MA2K8X7Q0R');
  await company.getByLabel('经办人').fill('李经办');
  await company.getByLabel('手机号').fill('13912345678');
  for (const i of [0, 1, 2, 3]) {
    await company.locator(`[data-test=upload-${i}]`).setInputFiles(pdfFile(`施工许可材料${i + 1}.pdf`));
    await company.locator(`[data-test=material-${i}]`, { hasText: '已上传' }).waitFor();
  }
  await company.locator('[data-test=submit-case]').click();
  await company.locator('[data-test=my-case-state]', { hasText: '待受理' }).waitFor();
  const receiptNo = (await company.locator('[data-test=my-case]').innerText()).match(/SJ\d{13}/)[0];

  // 住建 accepts at its window: every co-department is told at the same moment.
  const lead = await ctx.browser.newPage(desktop);
  await loginStaff(system, lead, 'zjj.clerk');
  await lead.goto(`${system.baseUrl}/staff/cases?queue=TO_ACCEPT`);
  await lead.locator('[data-test=case-link]', { hasText: receiptNo }).click();
  await act(lead, '[data-test=act-ACCEPT]');
  await lead.locator('[data-test=case-state]', { hasText: '审查中' }).waitFor();
  const board = lead.locator('[data-test=subtask-board]');
  for (const d of ['市自然资源和规划局', '市城市管理局', '市应急管理局'])
    await board.locator(`[data-test="subtask-${d}"]`, { hasText: '协办中' }).waitFor();
  const caseNo = (await lead.locator('[data-test=case-no]').innerText()).trim();
  await act(lead, '[data-test=act-REVIEW]', () => lead.locator('[data-test=af-opinion]').fill('材料齐全，符合条件'));

  // 自然资源 finds it in its 协办 queue, reads it, and approves.
  const zrzy = await ctx.browser.newPage(desktop);
  await loginStaff(system, zrzy, 'zrzy.clerk');
  await zrzy.goto(`${system.baseUrl}/staff/subtasks`);
  await zrzy.locator('[data-test=subtask-link]', { hasText: caseNo }).waitFor();
  await screenshot(zrzy, 'staff-subtask-queue');
  await zrzy.locator('[data-test=subtask-link]', { hasText: caseNo }).click();
  await zrzy.locator('[data-test=subtask-board]').waitFor();
  // Read-only for the co-department: no action on the case itself.
  assert.equal(await zrzy.locator('[data-test^=act-]').count(), 0);
  await act(zrzy, '[data-test=st-SUBTASK_OPINION]', () =>
    zrzy.locator('[data-test=af-opinion]').fill('项目用地符合规划，同意'),
  );
  await zrzy.locator('[data-test="subtask-市自然资源和规划局"]', { hasText: '同意' }).waitFor();

  // 应急 (silence is not consent there) answers too, through its own system.
  const c = await system.api('zjj.clerk', 'GET', `/cases/${await caseIdOf(lead)}`);
  const yjgl = c.subtasks.find((s) => s.departmentName === '市应急管理局');
  await system.api('yjgl.clerk', 'POST', `/subtasks/${yjgl.id}/opinion`, { outcome: 'APPROVED', opinion: '同意' });

  // The company sees its case accepted, with the query code that lets anyone follow it.
  await company.reload();
  await company.locator('[data-test=co-departments]').waitFor();
  const queryCode = (await company.locator('[data-test=my-case]').innerText()).match(/查询码 ([2-9A-Z]{6})/)[1];
  await screenshot(company, 'public-my-case-joint');

  // 城管 stays silent; after its 5 working days the sweep deems it approved, as the system, never as a person.
  await system.api('admin', 'PUT', '/platform/clock', { now: '2026-10-20T09:00:00+08:00' });
  const run = await system.api('supervisor', 'POST', '/supervision/sweeps');
  assert.equal(run.deemedApproved, 1);

  // 住建's approver decides.
  const approver = await ctx.browser.newPage(desktop);
  await loginStaff(system, approver, 'zjj.approver');
  await approver.goto(`${system.baseUrl}/staff/cases?queue=TO_DECIDE`);
  await approver.locator('[data-test=case-link]', { hasText: caseNo }).click();
  const cgj = approver.locator('[data-test="subtask-市城市管理局"]');
  await cgj.waitFor();
  assert.match(await cgj.innerText(), /超时默认同意/);
  assert.match(await cgj.innerText(), /系统（超时默认同意）/);
  await screenshot(approver, 'staff-subtask-board');
  await act(approver, '[data-test=act-DECIDE]', () =>
    approver.locator('[data-test=af-reason]').fill('各部门意见一致，准予许可'),
  );
  await approver.locator('[data-test=case-state]', { hasText: '准予许可' }).waitFor();

  // The company follows each department's part on the public progress page.
  const anon = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await anon.goto(`${system.baseUrl}/progress?no=${caseNo}&code=${queryCode}`);
  const parts = anon.locator('[data-test=co-departments]');
  await parts.waitFor();
  const text = await parts.innerText();
  assert.match(text, /市自然资源和规划局\s*同意/);
  assert.match(text, /市城市管理局\s*超时默认同意/);
  assert.match(text, /市应急管理局\s*同意/);
  await screenshot(anon, 'public-progress-joint');
});

async function caseIdOf(page) {
  return new URL(page.url()).pathname.split('/').pop();
}
