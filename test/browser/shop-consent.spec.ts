import { test, expect } from './fixtures.js';
import { history, historyUntil } from './shop-support.js';

test('script tag with data-consent="pending": nothing stored until the banner is accepted; rejecting deletes it', async ({ page, open, pageErrors }) => {
  await open('shop-consent.html');
  await page.waitForFunction(() => (window as unknown as { Hearth?: { loaded?: boolean } }).Hearth?.loaded === true);
  // Worker up and the page's events sent (a rank flushes pending tracks first).
  await page.evaluate(async () => {
    const H = (window as unknown as { Hearth: { ready(): Promise<unknown>; rank(items: Array<{ id: string }>): Promise<unknown> } }).Hearth;
    await H.ready();
    await new Promise((r) => setTimeout(r, 100));
    await H.rank([{ id: 'x' }, { id: 'y' }]);
  });
  expect(await history(page)).toEqual([]);

  await page.click('#accept');
  const stored = await historyUntil(page, (h) => h.length >= 3);
  expect(stored.map((e) => [e.type, e.id])).toEqual([
    ['impression', 'p1'],
    ['impression', 'p2'],
    ['impression', 'p3'],
  ]);

  await page.click('#reject');
  await historyUntil(page, (h) => h.length === 0);
  expect(pageErrors).toEqual([]);
});
