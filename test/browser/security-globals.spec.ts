import { test, expect } from './fixtures.js';

test('the script-tag build defines exactly one global, window.Hearth', async ({ page, open, server, pageErrors }) => {
  await open('blank.html');
  const before = await page.evaluate(() => Object.getOwnPropertyNames(window));
  await page.addScriptTag({ url: `${server.origin}/dist/hearth.iife.js` });
  await page.waitForFunction(() => 'Hearth' in window);
  const after = await page.evaluate(() => Object.getOwnPropertyNames(window));
  expect(after.filter((k) => !before.includes(k))).toEqual(['Hearth']);
  expect(pageErrors).toEqual([]);
});

