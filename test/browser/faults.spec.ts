import { test, expect, catalogue, type Catalogue } from './fixtures.js';

const items = catalogue(10);

for (const [name, url] of [
  ['never answers', '/test/browser/pages/silent-worker.js'],
  ['crashes at start-up', '/test/browser/pages/crashing-worker.js'],
] as const) {
  test(`a worker that ${name}: original order within the budget, nothing thrown`, async ({ page, open }) => {
    await open('esm.html');
    const r = await page.evaluate(
      async ({ items, url }: { items: Catalogue; url: string }) => {
        const hearth = window.H.createHearth({ workerUrl: url, timeoutMs: 300 });
        // As a page would: fire and forget. (It settles, without rejecting, once the write times out.)
        let trackRejected = false;
        void hearth.track({ type: 'click', item: items[3]! }).catch(() => (trackRejected = true));
        const ranked = await hearth.rank(items);
        const again = await hearth.rank(items, { limit: 4 });
        await hearth.close();
        return { ids: ranked.items.map((i) => i.id), fallback: ranked.fallback, limited: again.items.map((i) => i.id), trackRejected };
      },
      { items, url },
    );
    expect(r.ids).toEqual(items.map((i) => i.id));
    expect(r.fallback).toBe(true);
    expect(r.limited).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(r.trackRejected).toBe(false);
  });
}
