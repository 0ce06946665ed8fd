import { test, expect } from './fixtures.js';
import { expectNothingSent, history, historyUntil } from './shop-support.js';

test.describe('product pages: a view, then dwell', () => {
  test('schema.org Product JSON-LD is a view (read defensively); leaving after a while adds the dwell', async ({ page, open, pageErrors, server }) => {
    const from = server.requests.length;
    await open('shop-jsonld.html');
    const [view] = await historyUntil(page, (h) => h.length > 0);
    expect(view).toEqual({ type: 'view', id: 'p2', item: { id: 'p2', title: 'Tents model 2', brand: 'Cirrus', categories: ['Outdoor', 'Tents'], price: 249 } });

    // Stay more than a second, then leave the page (tab hidden or navigation both end the dwell).
    await page.waitForTimeout(1_200);
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    const events = await historyUntil(page, (h) => h.length >= 2);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ type: 'view', id: 'p2' });
    expect(events[1]!.dwellMs).toBeGreaterThanOrEqual(1_000);
    // Only the page's product: the related product in the same block is no view.
    expect((await history(page)).filter((e) => e.id === 'p6')).toEqual([]);
    expect(pageErrors).toEqual([]);
    expectNothingSent(server.requests.slice(from), ['p2', 'p6']);
  });

  test('a product marked with data-hearth-product is a view; a data-hearth-action button adds to cart; the tag twice runs once', async ({ page, open, pageErrors }) => {
    await open('shop-product-attrs.html');
    const [view] = await historyUntil(page, (h) => h.length > 0);
    const item = { id: 'p5', title: 'Jackets model 5', brand: 'Borealis', categories: ['Outdoor', 'Jackets'], price: 35 };
    expect(view).toEqual({ type: 'view', id: 'p5', item });
    await page.click('#add');
    const events = await historyUntil(page, (h) => h.some((e) => e.type === 'add_to_cart'));
    // One view and one add_to_cart: a second copy of the script would have reported each twice.
    expect(events).toEqual([view, { type: 'add_to_cart', id: 'p5', item }]);
    expect(pageErrors).toEqual([]);
  });
});
