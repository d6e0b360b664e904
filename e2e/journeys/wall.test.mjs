import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, screenshot, useSystem } from '../lib/harness.mjs';

const ctx = useSystem();

test('the big screen on a 1920×1080 wall: the controls go, a clock shows, the card list scrolls by itself and comes back to the top', async () => {
  const { system } = ctx;
  await system.api('admin', 'PUT', '/platform/clock', { now: '2026-12-07T09:00:00+08:00' });
  // Enough cards to run past the list's height: 24 receipts left unaccepted past their limit.
  for (let i = 0; i < 24; i++)
    await system.api('scjg.clerk', 'POST', '/cases/walk-in', {
      matterCode: 'XK00001001',
      applicant: {
        kind: 'PERSON',
        name: `墙${String.fromCharCode(0x4e00 + i)}`,
        idNumber: '11010519491231002X',
        contactName: '墙上',
        phone: `139123400${String(i).padStart(2, '0')}`,
      },
      materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' })),
    });
  await system.api('admin', 'PUT', '/platform/clock', { now: '2026-12-16T09:00:00+08:00' });
  const run = await system.api('supervisor', 'POST', '/supervision/sweeps');
  assert.ok(run.red >= 24, JSON.stringify(run));

  const page = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  await page.goto(`${system.baseUrl}/supervision/`);
  await page.locator('[data-test=login]').fill('supervisor');
  await page.locator('[data-test=password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('[data-test=live-state]', { hasText: '实时连接' }).waitFor();
  await page.locator('[data-test=big-screen]').click();

  // What a wall does not need is gone; what it needs is large.
  await page.locator('[data-test=wall-clock]').waitFor();
  assert.equal(await page.locator('[data-test=sweep]').count(), 0);
  assert.equal(await page.locator('[data-test=big-screen]').count(), 0);
  // The corner's exit button shows only to a pointer over it (the click that opened the wall left it there).
  const exit = page.locator('[data-test=exit-big-screen]');
  await page.mouse.move(960, 600);
  await page.waitForFunction(
    () => window.getComputedStyle(document.querySelector('[data-test=exit-big-screen]')).color === 'rgba(0, 0, 0, 0)',
  );
  // Read from across a room: the live list's text grows to at least 20 px (the switch animates it there).
  await page.waitForFunction(() => {
    const li = document.querySelector('[data-test=live-cards] li');
    return li && parseFloat(window.getComputedStyle(li).fontSize) >= 20;
  });
  // The whole wall fits the screen: nothing below the fold.
  assert.ok((await page.evaluate(() => document.documentElement.scrollHeight)) <= 1080 + 1);

  // The list is longer than its panel, and moves on its own.
  const list = page.locator('[data-test=live-cards]');
  const geometry = () => list.evaluate((el) => ({ top: el.scrollTop, height: el.scrollHeight, view: el.clientHeight }));
  const start = await geometry();
  assert.ok(start.height > start.view, JSON.stringify(start));
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-test=live-cards]');
      return el && el.scrollTop > 40;
    },
    null,
    { timeout: 20_000 },
  );
  await screenshot(page, 'supervision-wall-1920');
  // At the end it pauses and goes back to the top.
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.waitForFunction(() => document.querySelector('[data-test=live-cards]')?.scrollTop === 0, null, {
    timeout: 15_000,
  });

  // The wall's corner button leaves the big screen.
  await exit.click();
  await page.locator('[data-test=sweep]').waitFor();
});
