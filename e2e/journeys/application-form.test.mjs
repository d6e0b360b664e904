import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginApplicant, screenshot, useSystem } from '../lib/harness.mjs';

const ctx = useSystem();

test('an application starts from the account, a wrong field is scrolled to and focused, a reload keeps ID and phone, and deleting the draft asks first', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await loginApplicant(ctx.system, page, '13800000003', '/account');
  const profile = await page.locator('[data-test=profile]').innerText();
  const idTail = profile.match(/\*{6,}(\d{3}[\dX])/)[1];

  await page.goto(`${ctx.system.baseUrl}/guides/XK00001001`);
  await page.locator('[data-test=apply]').click();
  await page.locator('[data-test=my-case], [data-test=start-anyway]').first().waitFor();
  if (await page.locator('[data-test=start-anyway]').isVisible())
    await page.locator('[data-test=start-anyway]').click();
  await page.locator('[data-test=my-case]').waitFor();

  // The account's ID and phone are filled in (and may be changed).
  const id = page.getByLabel('身份证号');
  assert.match(await id.inputValue(), new RegExp(`^\\d{14}${idTail}$`));
  assert.equal(await page.getByLabel('手机号').inputValue(), '13800000003');

  // A wrong phone: the page goes to the field and puts the cursor in it, the button being far below.
  await page.getByLabel('手机号').fill('1380000');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator('[data-test=save-draft]').click();
  await page.waitForFunction(() => document.activeElement?.id === 'ap-phone');
  assert.equal(await page.getByLabel('手机号').getAttribute('aria-invalid'), 'true');
  assert.ok(await page.getByLabel('手机号').isVisible());
  await screenshot(page, 'public-apply-field-focus');

  await page.getByLabel('手机号').fill('13912349999');
  const saved = page.waitForResponse((r) => r.request().method() !== 'GET' && /\/api\/cases\//.test(r.url()));
  await page.locator('[data-test=save-draft]').click();
  assert.ok((await saved).ok());
  await page.reload();
  await page.locator('[data-test=my-case]').waitFor();
  await page.waitForFunction(() => document.querySelector('#ap-phone')?.value === '13912349999');
  assert.match(await id.inputValue(), new RegExp(`^\\d{14}${idTail}$`));

  // Deleting the draft asks before it acts, and can be called off.
  await page.locator('[data-test=withdraw] summary').click();
  await page.locator('[data-test=withdraw-start]').click();
  await page.locator('[data-test=withdraw-confirm]').waitFor();
  assert.match(await page.locator('[data-test=my-case-state]').innerText(), /草稿/);
  await page.getByRole('button', { name: '取消' }).click();
  await page.locator('[data-test=withdraw-confirm]').waitFor({ state: 'hidden' });
  assert.match(await page.locator('[data-test=my-case-state]').innerText(), /草稿/);
  await page.locator('[data-test=withdraw-start]').click();
  await page.locator('[data-test=withdraw-yes]').click();
  await page.locator('[data-test=my-case-state]', { hasText: '已撤回' }).waitFor();
});
