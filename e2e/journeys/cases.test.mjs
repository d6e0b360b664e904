import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downloadedPdfText, loginApplicant, loginStaff, pdfFile, screenshot, useSystem } from '../lib/harness.mjs';

const ctx = useSystem();

/** Opens the staff case page of the case with this receipt or case number from the work queue. */
async function openCase(page, queue, number) {
  await page.goto(`${ctx.system.baseUrl}/staff/cases?queue=${queue}`);
  await page.locator('[data-test=case-link]', { hasText: number }).click();
  await page.locator('[data-test=case-state]').waitFor();
}

async function act(page, action, fill = async () => {}) {
  await page.locator(`[data-test=act-${action}]`).click();
  await page.locator('[data-test=action-form]').waitFor();
  await fill();
  await page.locator('[data-test=action-submit]').click();
  await page.locator('[data-test=action-form]').waitFor({ state: 'hidden' });
}

test('a citizen applies online, supplements, and follows the case to completion while the center accepts, suspends, decides and delivers', async () => {
  // The citizen fills the application on a phone.
  const citizen = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await loginApplicant(ctx.system, citizen, '13800000001', '/guides/XK00001001');
  await citizen.locator('[data-test=apply]').click();
  await citizen.locator('[data-test=my-case]').waitFor();
  await citizen.getByLabel('身份证号').fill('330102199003071513');
  await citizen.getByLabel('手机号').fill('13912345678');
  for (const i of [0, 1, 2, 3]) {
    await citizen.locator(`[data-test=upload-${i}]`).setInputFiles(pdfFile(`材料${i + 1}.pdf`));
    await citizen.locator(`[data-test=material-${i}]`, { hasText: '已上传' }).waitFor();
  }
  await screenshot(citizen, 'public-apply-draft');
  await citizen.locator('[data-test=submit-case]').click();
  await citizen.locator('[data-test=my-case-state]', { hasText: '待受理' }).waitFor();
  const receiptNo = (await citizen.locator('[data-test=my-case]').innerText()).match(/SJ\d{13}/)[0];

  // The clerk asks, once, for everything missing.
  const clerk = await ctx.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  await loginStaff(ctx.system, clerk, 'scjg.clerk');
  await openCase(clerk, 'TO_ACCEPT', receiptNo);
  await act(clerk, 'REQUEST_SUPPLEMENT', async () => {
    await clerk.locator('[data-test=sup-1]').click();
    // An item without its text is caught in the form, where it is, before anything is sent.
    await clerk.locator('[data-test=action-submit]').click();
    await clerk.locator('[data-test=sup-error-1]', { hasText: '请写明缺少或有误之处' }).waitFor();
    await clerk.locator('[data-test=sup-text-1]').fill('营业执照复印件不清晰，请重新提供');
  });
  await clerk.locator('[data-test=case-state]', { hasText: '待补正' }).waitFor();
  await screenshot(clerk, 'staff-case-supplement');

  // The citizen supplies online.
  await citizen.reload();
  await citizen.locator('[data-test=supplement]').waitFor();
  assert.match(await citizen.locator('[data-test=supplement]').innerText(), /营业执照复印件不清晰/);
  await citizen.locator('[data-test=supply-upload-1]').setInputFiles(pdfFile('营业执照-清晰版.pdf'));
  await citizen.locator('[data-test=supplement]', { hasText: '已重新上传' }).waitFor();
  await citizen.locator('[data-test=send-supplement]').click();
  await citizen.locator('[data-test=my-case-state]', { hasText: '待受理' }).waitFor();

  // Accept and review at the window.
  await openCase(clerk, 'TO_ACCEPT', receiptNo);
  await act(clerk, 'ACCEPT');
  await clerk.locator('[data-test=case-state]', { hasText: '审查中' }).waitFor();
  const caseNo = (await clerk.locator('[data-test=case-no]').innerText()).trim();
  assert.match(caseNo, /^SCJG-\d{8}-\d{4}$/);
  await act(clerk, 'REVIEW', () => clerk.locator('[data-test=af-opinion]').fill('材料齐全，经营场所布局合理'));

  // The approver suspends for expert review, resumes, and decides.
  const approver = await ctx.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  await loginStaff(ctx.system, approver, 'scjg.approver');
  await openCase(approver, 'TO_DECIDE', caseNo);
  await act(approver, 'SUSPEND', () =>
    approver.locator('[data-test=af-notice]').fill('需组织专家对加工间布局进行评审'),
  );
  await approver.locator('[data-test=case-state]', { hasText: '特别程序中' }).waitFor();
  assert.match(await approver.locator('[data-test=clock-panel]').innerText(), /暂停计时/);
  await act(approver, 'RESUME');
  await approver.locator('[data-test=case-state]', { hasText: '审查中' }).waitFor();
  await act(approver, 'DECIDE', () => approver.locator('[data-test=af-reason]').fill('符合食品经营许可条件，准予许可'));
  await approver.locator('[data-test=case-state]', { hasText: '准予许可' }).waitFor();
  await screenshot(approver, 'staff-case-decided');

  // The clerk delivers at the window.
  await openCase(clerk, 'TO_DELIVER', caseNo);
  await act(clerk, 'DELIVER', () => clerk.locator('[data-test=af-certificateNo]').fill('JY13301020099999'));
  await clerk.locator('[data-test=case-state]', { hasText: '已办结' }).waitFor();
  const timeline = await clerk.locator('[data-test=timeline]').innerText();
  for (const step of [
    '提交申请',
    '一次性告知补正',
    '补齐补正材料',
    '受理',
    '审查',
    '特别程序',
    '恢复计时',
    '作出决定',
    '送达',
  ])
    assert.match(timeline, new RegExp(step));

  // The citizen sees the completed case and downloads its notices.
  await citizen.reload();
  await citizen.locator('[data-test=my-case-state]', { hasText: '已办结' }).waitFor();
  const [acceptance] = await Promise.all([
    citizen.waitForEvent('download'),
    citizen.locator('[data-test=notice-ACCEPTANCE_NOTICE]').click(),
  ]);
  const text = await downloadedPdfText(acceptance);
  assert.match(text, /受理通知书/);
  assert.match(text, new RegExp(caseNo));
  const [decision] = await Promise.all([
    citizen.waitForEvent('download'),
    citizen.locator('[data-test=notice-DECISION]').click(),
  ]);
  assert.match(await downloadedPdfText(decision), /准予许可/);
  await screenshot(citizen, 'public-case-completed');

  // Anyone with the number and query code follows it without logging in; personal data masked.
  const code = (await citizen.locator('[data-test=my-case]').innerText()).match(/查询码 ([2-9A-Z]{6})/)[1];
  const anon = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await anon.goto(`${ctx.system.baseUrl}/progress?no=${caseNo}&code=${code}`);
  await anon.locator('[data-test=pq-state]', { hasText: '已办结' }).waitFor();
  const progress = await anon.locator('[data-test=progress]').innerText();
  assert.match(progress, /王\*明/);
  assert.doesNotMatch(progress, /330102199003071513|13912345678/);
});

test('a walk-in 即办件 is received and completed at the window in one sitting', async () => {
  const clerk = await ctx.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  await loginStaff(ctx.system, clerk, 'scjg.clerk');
  await clerk.goto(`${ctx.system.baseUrl}/staff/walk-in`);
  await clerk.locator('[data-test=walkin-matter-search]').fill('个体工商户');
  await clerk.locator('[data-test=walkin-matter-search]').press('Enter');
  await clerk.locator('[data-test=walkin-hit-QT00001001]').click();
  await clerk.locator('[data-test=walkin-name]').fill('赵个体');
  await clerk.locator('[data-test=walkin-id]').fill('11010519491231002X');
  await clerk.locator('[data-test=walkin-phone]').fill('13912340002');
  await screenshot(clerk, 'staff-walk-in');
  await clerk.locator('[data-test=walkin-receive]').click();
  await clerk.locator('[data-test=case-state]', { hasText: '待受理' }).waitFor();
  await act(clerk, 'ACCEPT');
  await clerk.locator('[data-test=case-state]', { hasText: '已办结' }).waitFor();
  assert.match(await clerk.locator('[data-test=case-no]').innerText(), /^SCJG-\d{8}-\d{4}$/);
  assert.match(await clerk.locator('[data-test=notices]').innerText(), /收件回执[\s\S]*受理通知书/);
  await screenshot(clerk, 'staff-walk-in-done');
});

test('a 上报件 is reviewed, forwarded to the province, and its decision recorded and delivered at the window', async () => {
  const hit = await (
    await fetch(`${ctx.system.baseUrl}/api/public/matters?q=${encodeURIComponent('三级医院设置审批')}`)
  ).json();
  const received = await ctx.system.api('wjw.clerk', 'POST', '/cases/walk-in', {
    matterCode: hit.items[0].code,
    applicant: {
      kind: 'ORGANIZATION',
      name: '示范医疗投资有限公司',
      idNumber: '91330100MA2K8X7Q0R',
      contactName: '周经办',
      phone: '13912345678',
    },
    materials: [0, 1, 2].map((index) => ({ index, status: 'ORIGINAL_SEEN' })),
  });
  const accepted = await ctx.system.api('wjw.clerk', 'POST', `/cases/${received.id}/accept`, {});
  await ctx.system.api('wjw.clerk', 'POST', `/cases/${received.id}/review`, { agree: true, opinion: '同意上报' });

  const approver = await ctx.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  await loginStaff(ctx.system, approver, 'wjw.approver');
  await openCase(approver, 'TO_DECIDE', accepted.caseNo);
  // The department does not decide a 上报件: it forwards it.
  assert.equal(await approver.locator('[data-test=act-DECIDE]').count(), 0);
  await act(approver, 'FORWARD', async () => {
    await approver.locator('[data-test=af-authority]').fill('浙江省卫生健康委员会');
    await approver.locator('[data-test=af-opinion]').fill('初审符合条件，同意上报');
  });
  await approver.locator('[data-test=case-state]', { hasText: '已转报上级机关' }).waitFor();
  assert.match(await approver.locator('[data-test=case-forwarding]').innerText(), /浙江省卫生健康委员会/);

  // The province's 批复 comes back; the clerk records it from the 已转报 queue and delivers.
  const clerk = await ctx.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  await loginStaff(ctx.system, clerk, 'wjw.clerk');
  await openCase(clerk, 'FORWARDED', accepted.caseNo);
  await act(clerk, 'FORWARD_ANSWER', async () => {
    await clerk.locator('[data-test=af-documentNo]').fill('浙卫复〔2026〕12 号');
    await clerk.locator('[data-test=af-reason]').fill('同意设置');
  });
  await clerk.locator('[data-test=case-state]', { hasText: '准予许可' }).waitFor();
  await act(clerk, 'DELIVER', () => clerk.locator('[data-test=af-certificateNo]').fill('WJW-2026-0001'));
  await clerk.locator('[data-test=case-state]', { hasText: '已办结' }).waitFor();
  const timeline = await clerk.locator('[data-test=timeline]').innerText();
  for (const step of ['受理', '审查', '转报上级机关', '上级机关作出决定', '送达'])
    assert.match(timeline, new RegExp(step));
  await screenshot(clerk, 'staff-case-forwarded-delivered');
});

test('a clerk searches all the department’s cases by applicant, state and received date, and opens one', async () => {
  const { system } = ctx;
  const walkIn = (name, phone) =>
    system.api('scjg.clerk', 'POST', '/cases/walk-in', {
      matterCode: 'XK00001001',
      applicant: { kind: 'PERSON', name, idNumber: '11010519491231002X', contactName: name, phone },
      materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' })),
    });
  const waiting = await walkIn('查找甲', '13912341001');
  const accepted = await walkIn('查找乙', '13912341002');
  await system.api('scjg.clerk', 'POST', `/cases/${accepted.id}/accept`, {});
  // Another department's case never shows.
  await system
    .api('zjj.clerk', 'POST', '/cases/walk-in', {
      matterCode: (
        await (await fetch(`${system.baseUrl}/api/public/matters?q=${encodeURIComponent('建筑工程施工许可')}`)).json()
      ).items[0].code,
      applicant: {
        kind: 'PERSON',
        name: '查找丙',
        idNumber: '11010519491231002X',
        contactName: '查找丙',
        phone: '13912341003',
      },
      materials: [],
    })
    .catch(() => undefined);

  const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await loginStaff(system, page, 'scjg.clerk');
  await page.goto(`${system.baseUrl}/staff/cases`);
  await page.locator('[data-test=queue-ALL]').click();
  await page.locator('[data-test=case-search]').fill('查找');
  await page.locator('[data-test=case-search]').press('Enter');
  const rows = page.locator('[data-test=case-list] .el-table__row');
  await page.waitForFunction(() => document.querySelectorAll('[data-test=case-list] .el-table__row').length === 2);
  const texts = await rows.allInnerTexts();
  assert.ok(texts.some((r) => r.includes('查找甲')) && texts.some((r) => r.includes('查找乙')), texts.join('\n'));
  assert.ok(!texts.some((r) => r.includes('查找丙')));

  // By state: only the accepted one.
  await page.locator('[data-test=case-state-filter]').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: '审查中' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-test=case-list] .el-table__row').length === 1);
  assert.match(await rows.first().innerText(), /查找乙/);
  await screenshot(page, 'staff-case-search');

  // By a received-date range that holds none of them: nothing.
  await page.locator('[data-test=case-state-filter]').hover();
  await page.locator('[data-test=case-state-filter] .el-select__clear').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-test=case-list] .el-table__row').length === 2);
  await page.locator('.el-range-editor input.el-range-input').first().fill('2020-01-01');
  await page.locator('.el-range-editor input.el-range-input').nth(1).fill('2020-01-31');
  await page.locator('.el-range-editor input.el-range-input').nth(1).press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-test=case-list] .el-table__row').length === 0);

  // A number finds its case, and the link opens it.
  await page.goto(`${system.baseUrl}/staff/cases?queue=ALL`);
  await page.locator('[data-test=case-search]').fill(waiting.receiptNo);
  await page.locator('[data-test=case-search]').press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-test=case-list] .el-table__row').length === 1);
  await page.locator('[data-test=case-link]', { hasText: waiting.receiptNo }).click();
  await page.locator('[data-test=case-state]', { hasText: '待受理' }).waitFor();
});
