import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, loginStaff, screenshot, useSystem } from '../lib/harness.mjs';

const ctx = useSystem();
const CJK = /[\u3400-\u9fff\uff01-\uff5e]/;

/**
 * The page's own words, as opposed to the record's: headings, labels, buttons, tabs, column headers and field
 * messages. Names a department or an applicant typed (data) are not in these places on the pages walked here.
 */
const CHROME = [
  'h1',
  'h2',
  'h3',
  'label',
  'legend',
  'button',
  '[role=tab]',
  'dt',
  'th',
  '.field-msg',
  '.el-form-item__label',
  '.el-form-item__error',
  '.el-card__header',
  '.el-descriptions__label',
  '.el-empty__description',
  '.el-table__empty-text',
  '.el-pagination',
  '.el-alert__title',
  '.el-radio-button__inner',
].join(', ');

/** Every visible piece of the page's own words that is Chinese, with where it is. */
async function chineseChrome(page, { except = [], data = '[data-none]' } = {}) {
  const texts = await page.$$eval(
    CHROME,
    (els, data) =>
      els
        .filter((el) => !el.closest(data))
        .map((el) => {
          // A label around a select names the field; the options are the record's (departments, themes …).
          if (!el.querySelector('select, option')) return el;
          const own = el.cloneNode(true);
          own.querySelectorAll('select, option').forEach((x) => x.remove());
          return Object.assign(own, { shown: el.getClientRects().length > 0 });
        })
        .filter((el) => el.shown ?? (el.offsetParent !== null || el.getClientRects().length > 0))
        // The greeting carries the user's name; the language button offers 中文 on an English page.
        .filter((el) => !el.closest?.('[data-test=greeting]') && el.textContent.trim() !== '中文')
        .map((el) => (el.isConnected ? el.innerText : (el.textContent ?? '')).trim())
        .filter(Boolean),
    data,
  );
  return [...new Set(texts)].filter((t) => CJK.test(t) && !except.some((e) => t.includes(e)));
}

async function englishPage(viewport) {
  const page = await ctx.browser.newPage({ viewport, locale: 'en-GB' });
  await page.addInitScript(() => localStorage.setItem('onewindow.locale', 'en'));
  return page;
}

/** Chinese found on the pages walked, by page; a test asserts it is empty once it has walked them all. */
const offenders = {};
async function look(page, url, name, ready, opts) {
  await page.goto(url);
  await ready();
  // Loaded: no table or panel still shows its loading mask (the live boards keep a connection open for good).
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => m.offsetParent));
  await screenshot(page, name);
  const found = await chineseChrome(page, opts);
  if (found.length) offenders[new URL(url).pathname] = found;
}
function nothingChinese() {
  const found = { ...offenders };
  for (const k of Object.keys(offenders)) delete offenders[k];
  assert.deepEqual(found, {}, "Chinese in the pages' own words");
}

test('the portal in English on a phone: every page speaks English, a complaint is refused in English and filed', async () => {
  const { system } = ctx;
  const page = await englishPage({ width: 390, height: 844 });
  const base = system.baseUrl;
  const h1 = () => page.locator('h1').first().waitFor();
  await look(page, `${base}/`, 'en-portal-home-phone', h1);
  // The page says its language from the first load, not only after a switch.
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // Departments and themes are the catalog's words.
  await look(
    page,
    `${base}/guides`,
    'en-portal-guides-phone',
    () => page.locator('[data-test=hits] li, [data-test=no-results]').first().waitFor(),
    { data: '.themes, [data-test=filter-department]' },
  );
  await look(page, `${base}/life-events`, 'en-portal-life-events-phone', () =>
    page.locator('[data-test=life-events] li').first().waitFor(),
  );
  // The life event's own page: the matters and materials lines around the names are English.
  await page.locator('[data-test=life-events] li a').first().click();
  await page.locator('[data-test=life-event-materials] li').first().waitFor();
  const lines = await page.locator('[data-test=life-event-materials] li .muted').allInnerTexts();
  assert.ok(
    lines.some((l) => /copies · (required|optional)/.test(l)),
    lines.join('\n'),
  );
  assert.ok(
    lines.some((l) => l.startsWith('For: ')),
    lines.join('\n'),
  );
  await screenshot(page, 'en-portal-life-event-phone');

  await look(page, `${base}/progress`, 'en-portal-progress-phone', h1);
  // A case received at a window and accepted: its progress reads in English, steps, clock and notices included.
  const receipt = await system.api('scjg.clerk', 'POST', '/cases/walk-in', {
    matterCode: 'XK00001001',
    applicant: {
      kind: 'PERSON',
      name: '林英文',
      idNumber: '11010519491231002X',
      contactName: '林英文',
      phone: '13912340008',
    },
    materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' })),
  });
  await system.api('scjg.clerk', 'POST', `/cases/${receipt.id}/accept`, { opinion: '材料齐全' });
  await page.locator('[data-test=pq-no] input, input[data-test=pq-no]').first().fill(receipt.receiptNo);
  await page.locator('[data-test=pq-code] input, input[data-test=pq-code]').first().fill(receipt.queryCode);
  await page.locator('form button[type=submit]').first().click();
  await page.locator('[data-test=progress]').waitFor();
  const progress = await page.locator('[data-test=progress]').innerText();
  assert.match(progress, /In review/);
  assert.match(progress, /Handling limit/);
  assert.match(progress, /Submit[\s\S]*Accept/);
  assert.match(progress, /Receipt voucher \(PDF\)[\s\S]*Acceptance notice \(PDF\)/);
  // The heading is the matter's name.
  assert.deepEqual(await chineseChrome(page, { data: '[data-test=progress] > h2:first-child' }), []);
  await screenshot(page, 'en-portal-progress-case-phone');
  await look(page, `${base}/rate`, 'en-portal-rate-phone', h1);
  await look(page, `${base}/receipts/verify`, 'en-portal-receipt-check-phone', h1);
  await look(page, `${base}/login`, 'en-portal-login-phone', h1);

  // The complaint form: labels, the refusal of a blank form and the filed complaint, all in English.
  await look(page, `${base}/complain`, 'en-portal-complain-phone', () =>
    page.locator('[data-test=c-submit]').waitFor(),
  );
  await page.locator('[data-test=c-subject-WINDOW]').check();
  await page.locator('[data-test=c-submit]').click();
  const messages = await page.locator('.complaint-form .field-msg').allInnerTexts();
  assert.ok(messages.includes('Describe what happened and what you ask for'), messages.join(' | '));
  assert.ok(messages.includes('Fill in the window number'), messages.join(' | '));
  assert.ok(messages.includes('An anonymous complaint needs a mobile number for the answer'), messages.join(' | '));
  assert.deepEqual(await chineseChrome(page), []);
  await screenshot(page, 'en-portal-complain-refused-phone');
  await page.locator('[data-test=c-window] input, input[data-test=c-window]').first().fill('Z01');
  await page.locator('[data-test=c-content]').fill('Kept waiting for forty minutes with nobody at the window.');
  await page.locator('[data-test=c-phone] input, input[data-test=c-phone]').first().fill('13912340009');
  await page.locator('[data-test=c-submit]').click();
  await page.locator('[data-test=complaint-filed]').waitFor();
  const filed = await page.locator('[data-test=complaint-filed]').innerText();
  assert.match(
    filed,
    /Your complaint has been filed\. It is handled by the Center's supervision office, who will answer by/,
  );
  await page.getByRole('button', { name: 'Follow this complaint' }).click();
  await page.locator('[data-test=complaint-view]').waitFor();
  assert.equal(await page.locator('[data-test=complaint-state]').innerText(), 'Awaiting acceptance');
  const view = await page.locator('[data-test=complaint-view]').innerText();
  assert.match(view, /Attitude of service · A window/);
  assert.match(view, /Complaint filed/);
  assert.deepEqual(await chineseChrome(page), []);
  await screenshot(page, 'en-portal-complaint-followed-phone');
  nothingChinese();
  await page.close();
});

test('the back office in English at the desk: queues, 一件事, catalog, calendar, administration', async () => {
  const { system } = ctx;
  const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await loginStaff(system, page, 'admin');
  await page.evaluate(() => localStorage.setItem('onewindow.locale', 'en'));
  const base = `${system.baseUrl}/staff`;
  const title = () => page.locator('.page-title, h1').first().waitFor();
  const table = () => page.locator('.el-table').first().waitFor();
  for (const [path, name, ready, opts] of [
    ['/', 'home', () => page.locator('[data-test=greeting]').waitFor()],
    ['/cases', 'cases', table],
    ['/bundles', 'bundles', title],
    ['/life-events', 'life-events', table, { data: '[data-test^=edit-]' }],
    ['/catalog', 'catalog', table],
    // A holiday's name is the State Council notice's.
    ['/calendar', 'calendar', () => page.locator('.month').first().waitFor(), { data: '.day' }],
    ['/cards', 'cards', title],
    ['/complaints', 'complaints', title],
    ['/evaluation', 'evaluation', title],
    ['/integration', 'integration', table],
    ['/org/departments', 'departments', table],
    ['/org/windows', 'windows', table],
    ['/org/staff', 'staff', table],
  ])
    await look(page, `${base}${path}`, `en-staff-${name}-desktop`, ready, opts);
  // The life-event editor's drawer.
  await page.goto(`${base}/life-events`);
  await page.locator('[data-test=new-life-event]').click();
  await page.locator('[data-test=le-name]').waitFor();
  assert.deepEqual(await chineseChrome(page, { data: '[data-test^=edit-]' }), []);
  await screenshot(page, 'en-staff-life-event-editor-desktop');
  nothingChinese();
  await page.close();
});

test('the back office in English on a phone: the comprehensive window receives a life event', async () => {
  const { system } = ctx;
  const page = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await loginStaff(system, page, 'zwb.clerk');
  await page.evaluate(() => localStorage.setItem('onewindow.locale', 'en'));
  // The life events' names on their buttons are data; what surrounds them is not.
  const events = '[data-test^=bundle-event-]';
  await look(
    page,
    `${system.baseUrl}/staff/bundles/walk-in`,
    'en-staff-bundle-walk-in-phone',
    () => page.locator(events).first().waitFor(),
    { data: events },
  );
  assert.match(await page.locator(events).first().innerText(), /\(\d+ matters\)$/);
  await page.locator(events).first().click();
  await page.locator('[data-test=bundle-checklist]').waitFor();
  assert.deepEqual(await chineseChrome(page), []);
  await screenshot(page, 'en-staff-bundle-checklist-phone');
  nothingChinese();
  await page.close();
});

test('the supervision app in English: every page speaks English', async () => {
  const { system } = ctx;
  const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await page.goto(`${system.baseUrl}/supervision/`);
  await page.locator('[data-test=login]').fill('supervisor');
  await page.locator('[data-test=password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('[data-test=live-state]').waitFor();
  await page.evaluate(() => localStorage.setItem('onewindow.locale', 'en'));
  const base = `${system.baseUrl}/supervision`;
  const heading = () => page.locator('h1, h2').first().waitFor();
  for (const path of [
    '/',
    '/cards',
    '/urging',
    '/parallel',
    '/fees',
    '/complaints',
    '/evaluation',
    '/assessment',
    '/rankings',
    '/policy',
    '/audit',
  ])
    await look(page, `${base}${path}`, `en-supervision-${path.slice(1) || 'board'}-desktop`, heading);
  nothingChinese();
  await page.close();
});
