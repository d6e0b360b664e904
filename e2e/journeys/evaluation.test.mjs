import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, loginStaff, screenshot, useSystem } from '../lib/harness.mjs';

const ctx = useSystem();

test('一次一评: the clerk binds the window tablet, ends a consultation, the applicant rates it on the tablet at once, and the bad rating opens a rectification', async () => {
  const { system } = ctx;
  const clerk = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await loginStaff(system, clerk, 'scjg.clerk');
  await clerk.goto(`${system.baseUrl}/staff/evaluation`);
  await clerk.locator('[data-test=issue-terminal]').click();
  const link = (await clerk.locator('[data-test=terminal-link]').innerText()).trim();
  assert.match(link, /\/rate\/window\/[^#]+#token=/);

  // The tablet opens the link once; the token leaves the address bar and stays on the device.
  const tablet = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await tablet.goto(link);
  await tablet.locator('[data-test=terminal-idle]').waitFor();
  assert.ok(!tablet.url().includes('token'), tablet.url());
  await tablet.reload();
  await tablet.locator('[data-test=terminal-idle]').waitFor();
  await screenshot(tablet, 'terminal-idle');

  // The clerk ends a consultation: the tablet asks at once, naming the clerk.
  await clerk.locator('[data-test=consult-matter]').fill('食品经营许可');
  await clerk.locator('[data-test=consult]').click();
  await tablet.locator('[data-test=terminal-prompt]').waitFor();
  assert.match(await tablet.locator('[data-test=terminal-staff]').innerText(), /\S/);
  // A bad rating must say what was wrong.
  await tablet.locator('[data-test=level-2]').click();
  await tablet.locator('[data-test=rating-submit]').click();
  await tablet.locator('[data-test=rating-error]', { hasText: '存在的问题' }).waitFor();
  await tablet.locator('[data-test=problem-SLOW]').click();
  await screenshot(tablet, 'terminal-bad-rating');
  await tablet.locator('[data-test=rating-submit]').click();
  await tablet.locator('[data-test=terminal-thanks]').waitFor();

  // The department's lead finds the rectification waiting for its return visit.
  const rect = await system.api('scjg.lead', 'GET', '/evaluation/rectifications');
  assert.equal(rect.length, 1);
  assert.equal(rect[0].state, 'VISIT_PENDING');
  assert.deepEqual(rect[0].rating.problems, ['SLOW']);
  const lead = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await loginStaff(system, lead, 'scjg.lead');
  await lead.goto(`${system.baseUrl}/staff/evaluation`);
  await lead.locator(`[data-test=visit-${rect[0].id}]`).click();
  await lead.locator('[data-test=act-note]').fill('已电话回访，说明等候原因并致歉');
  await lead.locator('[data-test=act-submit]').click();
  await lead.locator(`[data-test=rectify-${rect[0].id}]`).waitFor();
  await screenshot(lead, 'staff-rectifications');
});

test('投诉: an anonymous citizen complains on a phone, follows it by number and query code, and a supervisor accepts it on the wall', async () => {
  const { system } = ctx;
  const citizen = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await citizen.goto(`${system.baseUrl}/complain`);
  await citizen.locator('[data-test=c-subject-DEPARTMENT]').check();
  await citizen.locator('[data-test=c-submit]').click();
  // Checked in the form: the missing fields are marked, no request made.
  await citizen.locator('.field.invalid').first().waitFor();
  const departments = await citizen.locator('[data-test=c-dept] option').allInnerTexts();
  const scjg = departments.find((d) => d.includes('市场监督'));
  assert.ok(scjg, departments.join(','));
  await citizen.locator('[data-test=c-dept]').selectOption({ label: scjg });
  await citizen.locator('[data-test=c-content]').fill('窗口工作人员态度生硬，反复让我回去补材料');
  await citizen.locator('[data-test=c-phone]').fill('13912345678');
  await citizen.locator('[data-test=c-submit]').click();
  await citizen.locator('[data-test=complaint-filed]').waitFor();
  const number = (await citizen.locator('[data-test=complaint-number]').innerText()).trim();
  const queryCode = (await citizen.locator('[data-test=complaint-code]').innerText()).trim();
  assert.match(number, /^TS\d{10}$/);
  await screenshot(citizen, 'public-complaint-filed');
  await citizen.getByRole('button', { name: '查看办理情况' }).click();
  await citizen.locator('[data-test=complaint-state]', { hasText: '待受理' }).waitFor();

  const wall = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await wall.goto(`${system.baseUrl}/supervision/`);
  await wall.locator('[data-test=login]').fill('supervisor');
  await wall.locator('[data-test=password]').fill(DEMO_PASSWORD);
  await wall.getByRole('button', { name: '登录' }).click();
  await wall.locator('[data-test=nav-complaints]').click();
  await wall.locator('[data-test=complaints]').getByText(number).click();
  await wall.locator('[data-test=accept]').click();
  await wall.locator('[data-test=complaint-detail]', { hasText: '已受理' }).waitFor();
  await screenshot(wall, 'supervision-complaint');

  // The complainant follows it from a fresh page with the number and query code.
  await citizen.goto(`${system.baseUrl}/complain`);
  await citizen.locator('[data-test=tab-follow]').click();
  await citizen.locator('[data-test=f-no]').fill(number);
  await citizen.locator('[data-test=f-code]').fill(queryCode);
  await citizen.getByRole('button', { name: '查询', exact: true }).click();
  await citizen.locator('[data-test=complaint-state]', { hasText: '已受理' }).waitFor();
});
