import { test, expect } from './fixtures.js';
import { countByType, expectNothingSent, historyUntil } from './shop-support.js';

test('shop with Segment and the pasted snippet: queued calls replayed, e-commerce v2 events tracked once', async ({ page, open, pageErrors, server }) => {
  const from = server.requests.length;
  await open('shop-segment.html');
  await page.waitForFunction(() => (window as unknown as { Hearth: { loaded?: boolean } }).Hearth.loaded === true);
  // The early promise from the snippet's stub settles with the answer once Hearth has loaded.
  expect(await page.evaluate(() => (window as unknown as { earlyRerank: Promise<Array<{ id: string }>> }).earlyRerank.then((r) => r.map((i) => i.id).sort()))).toEqual(['a', 'b']);

  // Before analytics.js loads: stub calls made after Hearth loaded are seen too.
  await page.evaluate(() => (window as unknown as { analytics: { track: (n: string, p: object) => void } }).analytics.track('Product Clicked', { product_id: 'p6', name: 'Tents model 6', list_id: 'search:tent', position: 2 }));
  await historyUntil(page, (h) => h.some((e) => e.type === 'click' && e.id === 'p6'));

  // analytics.js loads and replays its queue: nothing is counted twice.
  await page.evaluate(() => (window as unknown as { loadAnalytics: () => Promise<void> }).loadAnalytics());
  await page.click('#add');
  await page.click('#buy');
  const events = await historyUntil(page, (h) => h.some((e) => e.type === 'purchase'));
  expect(countByType(events)).toEqual({ impression: 3, view: 1, click: 2, add_to_cart: 1, purchase: 1 });
  expect(events.filter((e) => e.type === 'impression').map((e) => [e.id, e.position, e.listId])).toEqual([
    ['p2', 0, 'search:tent'],
    ['p6', 1, 'search:tent'],
    ['p10', 2, 'search:tent'],
  ]);
  expect(events.find((e) => e.id === 'p6' && e.type === 'impression')!.item.price).toBe(32);
  expect(events.find((e) => e.type === 'view')!.item).toEqual({ id: 'p3', title: 'Bikes model 3', brand: 'Dune', categories: ['Bikes'], price: 29 });
  // The snippet's queued Hearth.track ran, in order, before later calls.
  expect(events.filter((e) => e.type === 'click').map((e) => e.id)).toEqual(['p9', 'p6']);
  expect(events.find((e) => e.type === 'add_to_cart')!.id).toBe('p11');

  // The snippet was pasted twice; the script loaded once.
  expect(server.requests.slice(from).filter((r) => r.url === '/dist/hearth.iife.js')).toHaveLength(1);
  expect(pageErrors).toEqual([]);
  expectNothingSent(server.requests.slice(from), ['p2', 'p3', 'p6', 'p9', 'p10', 'p11']);
});
