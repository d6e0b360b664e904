import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downloadedPdfText, loginApplicant, loginStaff, pdfFile, screenshot, useSystem } from '../lib/harness.mjs';

const ctx = useSystem();

test('统一收费: a fee-charging case is assessed, the applicant pays through the demo bank, the receipt downloads and verifies, and the case is delivered', async () => {
  const { system } = ctx;
  const [match] = (
    await (await fetch(`${system.baseUrl}/api/public/matters?q=${encodeURIComponent('转移登记')}`)).json()
  ).items;
  assert.equal(match.name, '不动产登记（转移登记）');

  // The citizen applies online on a phone.
  const citizen = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await loginApplicant(system, citizen, '13800000001', `/guides/${match.code}`);
  await citizen.locator('[data-test=apply]').click();
  await citizen.locator('[data-test=my-case]').waitFor();
  await citizen.getByLabel('身份证号').fill('330102199003071513');
  await citizen.getByLabel('手机号').fill('13912345678');
  for (const i of [0, 1, 2, 3, 4]) {
    await citizen.locator(`[data-test=upload-${i}]`).setInputFiles(pdfFile(`材料${i + 1}.pdf`));
    await citizen.locator(`[data-test=material-${i}]`, { hasText: '已上传' }).waitFor();
  }
  await citizen.locator('[data-test=submit-case]').click();
  await citizen.locator('[data-test=my-case-state]', { hasText: '待受理' }).waitFor();
  const caseId = new URL(citizen.url()).pathname.split('/').pop();
  const accepted = await system.api('zrzy.clerk', 'POST', `/cases/${caseId}/accept`, {});
  assert.equal(accepted.state, 'IN_REVIEW');

  // The clerk assesses the fee on the case page: the standard fills the amount.
  const clerk = await ctx.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  await loginStaff(system, clerk, 'zrzy.clerk');
  await clerk.goto(`${system.baseUrl}/staff/cases/${caseId}`);
  // The uploaded PDF opens in the page, not as a download.
  await clerk.locator('[data-test=preview-0]').click();
  await clerk.locator('[data-test=file-preview] iframe').waitFor();
  await clerk.locator('[data-test=file-preview]').getByRole('button', { name: '关闭', exact: true }).click();
  await clerk.locator('[data-test=file-preview] iframe').waitFor({ state: 'detached' });
  await clerk.locator('[data-test=assess-form]').waitFor();
  await clerk.locator('[data-test=assess]').click();
  await clerk.locator('[data-test=notice-state]', { hasText: '待缴费' }).waitFor();
  assert.match(await clerk.locator('[data-test=notice-total]').innerText(), /80\.00 元/);
  await screenshot(clerk, 'staff-case-fees');

  // Delivery is refused while unpaid.
  await system.api('zrzy.clerk', 'POST', `/cases/${caseId}/review`, { agree: true, opinion: '材料齐全，符合条件' });
  await system.api('zrzy.approver', 'POST', `/cases/${caseId}/decide`, { approve: true, reason: '准予转移登记' });
  const refused = await system.api('zrzy.clerk', 'POST', `/cases/${caseId}/deliver`, { method: 'PICKUP' });
  assert.equal(refused.code, 'FEES_UNPAID');

  // The citizen pays at the demo bank's page and comes back to the case.
  await citizen.reload();
  await citizen.locator('[data-test=my-fee-state]', { hasText: '待缴费' }).waitFor();
  await screenshot(citizen, 'public-case-fees-due');
  await citizen.locator('[data-test=pay-online]').click();
  await citizen.locator('[data-test=bank-confirm]').waitFor();
  await screenshot(citizen, 'demo-bank-confirm');
  await citizen.locator('[data-test=bank-confirm]').click();
  await citizen.locator('[data-test=bank-paid]').waitFor();
  await citizen.locator('[data-test=bank-return]').click();
  await citizen.locator('[data-test=my-fee-state]', { hasText: '已缴费' }).waitFor();
  const [receipt] = await Promise.all([
    citizen.waitForEvent('download'),
    citizen.locator('[data-test=my-receipt]').click(),
  ]);
  const text = await downloadedPdfText(receipt);
  assert.match(text, /非税收入统一票据/);
  assert.match(text, /捌拾元整/);

  // Anyone checks the receipt's authenticity without logging in.
  await citizen.getByRole('link', { name: '查验票据' }).click();
  await citizen.locator('[data-test=rc-result]', { hasText: '票据真实有效' }).waitFor();
  await screenshot(citizen, 'public-receipt-verified');

  // Now the window delivers.
  const delivered = await system.api('zrzy.clerk', 'POST', `/cases/${caseId}/deliver`, {
    method: 'PICKUP',
    certificateNo: '浙(2026)示范市不动产权第0002号',
  });
  assert.equal(delivered.state, 'COMPLETED');
  await clerk.reload();
  await clerk.locator('[data-test=case-state]', { hasText: '已办结' }).waitFor();
  assert.match(await clerk.locator('[data-test=fees-panel]').innerText(), /已缴费/);
});
