import { test, expect } from './fixtures.js';

test('hostile item fields never become markup or run', async ({ page, open, pageErrors }) => {
  await open('esm.html');
  const r = await page.evaluate(async () => {
    const evil = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    const items = Array.from({ length: 6 }, (_, i) => ({ id: `x${i}`, title: `${evil} ${i}`, brand: evil, categories: [evil] }));
    const hearth = window.H.createHearth({ dbName: 'xss', backend: 'cpu', timeoutMs: 10_000 });
    await hearth.track({ type: 'click', item: items[3]! });
    const ranked = await hearth.rank(items);
    await hearth.close();
    await new Promise((res) => setTimeout(res, 100));
    return { xss: (window as unknown as { __xss?: number }).__xss, imgs: document.images.length, top: ranked.items[0]!.id, same: ranked.items.every((it) => items.includes(it)) };
  });
  expect(r).toEqual({ xss: undefined, imgs: 0, top: 'x3', same: true });
  expect(pageErrors).toEqual([]);
});
