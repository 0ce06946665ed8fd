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
        // As a page would: fire and forget. The page never awaits it, but it must settle without
        // rejecting (a lost event is not a page error): at the latest when the write times out.
        const tracked = hearth.track({ type: 'click', item: items[3]! }).then(
          () => 'resolved',
          (err: unknown) => `rejected: ${String(err)}`,
        );
        const ranked = await hearth.rank(items);
        const again = await hearth.rank(items, { limit: 4 });
        await hearth.close();
        // Wait for the outcome (the write budget is 15 s), with a bound so a hang reads as one.
        const track = await Promise.race([tracked, new Promise<string>((r) => setTimeout(() => r('still pending after 20 s'), 20_000))]);
        return { ids: ranked.items.map((i) => i.id), fallback: ranked.fallback, limited: again.items.map((i) => i.id), track };
      },
      { items, url },
    );
    expect(r.ids).toEqual(items.map((i) => i.id));
    expect(r.fallback).toBe(true);
    expect(r.limited).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(r.track).toBe('resolved');
  });
}

test('debug mode: each fallback of rank prints one line naming its cause', async ({ page, open }) => {
  const lines: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'debug' && m.text().startsWith('[hearth] rank')) lines.push(m.text());
  });
  await open('esm.html');
  await page.evaluate(async (items: Catalogue) => {
    (window as unknown as { HEARTH_DEBUG: boolean }).HEARTH_DEBUG = true;
    const silent = window.H.createHearth({ workerUrl: '/test/browser/pages/silent-worker.js', timeoutMs: 300 });
    await silent.rank(items);
    await silent.close();
    const crashing = window.H.createHearth({ workerUrl: '/test/browser/pages/crashing-worker.js', timeoutMs: 30_000 });
    await crashing.rank(items);
    await crashing.close();
    await crashing.rank(items);
    await silent.rank([{ id: 'ok' }, { title: 'no id' } as unknown as Catalogue[number]]).catch(() => undefined);
    // A working worker with nothing to rank by: the line says so, and why.
    for (const consent of ['granted', 'denied'] as const) {
      const fresh = window.H.createHearth({ dbName: `debug-${consent}`, consent, timeoutMs: 30_000 });
      await fresh.rank(items);
      await fresh.close();
    }
  }, items);
  expect(lines).toEqual([
    expect.stringMatching(/^\[hearth\] rank fell back to the shop's order: no answer within 300 ms \(timeoutMs\); the worker was started \d+ ms ago and was still starting \(waiting for: its script to load, IndexedDB to open\)/),
    expect.stringMatching(/^\[hearth\] rank fell back to the shop's order: the worker failed: /),
    "[hearth] rank fell back to the shop's order: Hearth is closed (close() was called)",
    expect.stringMatching(/^\[hearth\] rank rejected its input: .*items\[1\]\.id/),
    "[hearth] rank kept the shop's order: no history for this shopper yet (nothing tracked, or all of it forgotten)",
    "[hearth] rank kept the shop's order: consent is denied, so nothing is recorded and there is no history to rank by",
  ]);
});
