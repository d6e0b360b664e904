import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downloadedPdfText, screenshot, useSystem } from '../lib/harness.mjs';

const ctx = useSystem();

test('a citizen opens the portal, registers, logs in and sees the masked account', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await page.goto(`${ctx.system.baseUrl}/`);
  await page.getByRole('heading', { name: '示范市政务服务中心', level: 1 }).waitFor();
  await page.locator('[data-test=departments] li', { hasText: '市市场监督管理局' }).waitFor();
  assert.ok(await page.getByRole('searchbox').isVisible());
  await screenshot(page, 'public-home-mobile');

  await page.getByRole('link', { name: '注册' }).first().click();
  await page.getByLabel('姓名').fill('林市民');
  await page.getByLabel('身份证号').fill('110105194912310021'); // wrong check digit
  await page.getByLabel('手机号').fill('13912340001');
  await page.getByLabel('密码').fill('Citizen2026');
  await page.getByRole('button', { name: '注册' }).click();
  await page.getByText('身份证号校验位不正确').waitFor();
  await screenshot(page, 'public-register-field-error');

  await page.getByLabel('身份证号').fill('11010519491231002X');
  await page.getByRole('button', { name: '注册' }).click();
  await page.getByText('注册成功，请登录。').waitFor();

  await page.getByLabel('手机号').fill('13912340001');
  await page.getByLabel('密码').fill('Citizen2026');
  await page.getByRole('button', { name: '登录' }).click();
  const profile = page.locator('[data-test=profile]');
  await profile.waitFor();
  const text = await profile.innerText();
  assert.match(text, /林市民/);
  assert.match(text, /110\*{11}002X/);
  assert.match(text, /139\*{4}0001/);
  assert.doesNotMatch(text, /11010519491231002X/);
  await screenshot(page, 'public-account');

  await page.locator('[data-test=logout]').click();
  await page.getByRole('link', { name: '登录' }).first().waitFor();
});

test('a wrong password is answered in Chinese on the page; an unknown path shows the 404 page', async () => {
  const page = await ctx.browser.newPage({ locale: 'zh-CN' });
  await page.goto(`${ctx.system.baseUrl}/login`);
  await page.getByLabel('手机号').fill('13800000001');
  await page.getByLabel('密码').fill('Wrong12345');
  await page.getByRole('button', { name: '登录' }).click();
  assert.equal(await page.locator('[data-test=login-error]').innerText(), '用户名或密码错误');

  await page.goto(`${ctx.system.baseUrl}/no/such/page`);
  await page.getByRole('heading', { name: '页面不存在' }).waitFor();
  await screenshot(page, 'public-404');
});

test('a citizen searches by pinyin initials, opens 食品经营许可 and reads its guide', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await page.goto(`${ctx.system.baseUrl}/`);
  await page.getByRole('searchbox').fill('spjy');
  await page.getByRole('button', { name: '搜索' }).click();
  const first = page.locator('[data-test=hits] li').first();
  // The department's name comes with the department list, read beside the search.
  await page.locator('[data-test=hits] li', { hasText: '市市场监督管理局' }).first().waitFor();
  assert.equal(await first.locator('mark').innerText(), '食品经营');
  assert.match(await first.innerText(), /市市场监督管理局 · 承诺件/);
  await screenshot(page, 'public-guides-search');
  await first.locator('a').click();
  const guide = page.locator('[data-test=guide]');
  await guide.waitFor();
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /食品经营许可/);
  assert.match(await page.locator('[data-test=promised]').innerText(), /10 个工作日/);
  assert.match(await page.locator('[data-test=materials]').innerText(), /食品经营许可申请书/);
  assert.match(await page.locator('[data-test=materials]').innerText(), /可容缺/);
  assert.equal(await page.locator('[data-test=free]').innerText(), '不收费');
  await screenshot(page, 'public-guide-food');

  // The one-time notification sheet downloads as a PDF whose Chinese text a reader can extract.
  const [sheet] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-test=notification-sheet]').click(),
  ]);
  assert.equal(sheet.suggestedFilename(), '一次性告知单-食品经营许可.pdf');
  const text = await downloadedPdfText(sheet);
  assert.match(text, /一次性告知单/);
  assert.match(text, /食品经营许可申请书/);
  assert.match(text, /承诺办结时限：\s*10 个工作日/);
  assert.match(text, /投诉电话：\s*12345/);
  assert.match(text, /本事项不收费/);

  // A joint matter names the departments that review it in parallel.
  await page.goto(`${ctx.system.baseUrl}/guides/XK00005001`);
  await page.locator('[data-test=co-departments]', { hasText: '市自然资源和规划局、市城市管理局' }).waitFor();

  await page.goto(`${ctx.system.baseUrl}/guides?q=不存在的事项`);
  await page.locator('[data-test=no-results]').waitFor();
  assert.match(await page.locator('[data-test=no-results]').innerText(), /拼音首字母/);
});
