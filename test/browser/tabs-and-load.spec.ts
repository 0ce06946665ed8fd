import { test, expect, catalogue, type Catalogue } from './fixtures.js';

const items = catalogue(40);

test('4 tabs tracking at once: no event lost or duplicated, every tab sees the others', async ({ context, server }) => {
  const TABS = 4;
  const PER_TAB = 120;
  const pages = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));
  await Promise.all(
    pages.map(async (p) => {
      await p.goto(`${server.origin}/test/browser/pages/esm.html`);
      await p.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
      await p.evaluate(async () => {
        (window as unknown as { hearth: unknown }).hearth = window.H.createHearth({ dbName: 'tabs', backend: 'cpu', timeoutMs: 30_000 });
        await (window as unknown as { hearth: { ready(): Promise<unknown> } }).hearth.ready();
      });
    }),
  );
  // All tabs track concurrently: bursts of 10 with a yield between them, interleaving across tabs.
  await Promise.all(
    pages.map((p, tab) =>
      p.evaluate(
        async ({ tab, perTab, items }: { tab: number; perTab: number; items: Catalogue }) => {
          const hearth = (window as unknown as { hearth: ReturnType<typeof window.H.createHearth> }).hearth;
          for (let n = 0; n < perTab; n += 10) {
            const burst = [];
            for (let k = n; k < n + 10; k++) burst.push(hearth.track({ type: 'view', item: { ...items[(tab * 7 + k) % items.length]!, attributes: { tab: String(tab), n: k } } }));
            await Promise.all(burst);
            await new Promise((r) => setTimeout(r, 0));
          }
        },
        { tab, perTab: PER_TAB, items },
      ),
    ),
  );
  // Every tab's model soon holds all events, including the other tabs'.
  for (const p of pages) {
    await expect
      .poll(() => p.evaluate(async () => (await (window as unknown as { hearth: ReturnType<typeof window.H.createHearth> }).hearth.ready()).events), { timeout: 15_000 })
      .toBe(TABS * PER_TAB);
  }
  // The store holds each (tab, n) exactly once.
  const stored = await pages[0]!.evaluate(
    () =>
      new Promise<Array<[string, number, number]>>((resolve, reject) => {
        const req = indexedDB.open('tabs');
        req.onsuccess = () => {
          const all = req.result.transaction('events').objectStore('events').getAll();
          all.onsuccess = () =>
            resolve(
              all.result.map((e: { seq: number; item: { attrs: Array<[string, string | number]> } }) => {
                const attrs = Object.fromEntries(e.item.attrs);
                return [String(attrs.tab), Number(attrs.n), e.seq];
              }),
            );
        };
        req.onerror = () => reject(req.error);
      }),
  );
  expect(stored).toHaveLength(TABS * PER_TAB);
  expect(new Set(stored.map(([tab, n]) => `${tab}:${n}`)).size).toBe(TABS * PER_TAB);
  expect(new Set(stored.map(([, , seq]) => seq)).size).toBe(TABS * PER_TAB);
  // And a forget in one tab reaches the others' rankings.
  await pages[1]!.evaluate(() => (window as unknown as { hearth: ReturnType<typeof window.H.createHearth> }).hearth.forget({ all: true }));
  for (const p of pages) {
    await expect.poll(() => p.evaluate(async () => (await (window as unknown as { hearth: ReturnType<typeof window.H.createHearth> }).hearth.ready()).events)).toBe(0);
  }
});

test('100,000 stored events and bursts of 1,000 track() calls: capped as configured, still ranking', async ({ page, open, pageErrors }) => {
  test.setTimeout(240_000);
  await open('esm.html');
  const r = await page.evaluate(async (items: Catalogue) => {
    const CAP = 100_000;
    const hearth = window.H.createHearth({ dbName: 'load', backend: 'wasm', maxEvents: CAP, timeoutMs: 30_000 });
    await hearth.ready();
    const burst = async (type: 'impression' | 'click', offset: number) => {
      const calls = [];
      for (let k = 0; k < 1_000; k++) calls.push(hearth.track({ type, item: items[(offset + k) % items.length]! }));
      await Promise.all(calls);
    };
    // Mostly impressions (as on a real shop), with clicks on tents at the end.
    for (let b = 0; b < 105; b++) await burst('impression', b);
    const afterFill = (await hearth.ready()).events;
    for (let b = 0; b < 3; b++) {
      const calls = [];
      for (let k = 0; k < 1_000; k++) calls.push(hearth.track({ type: 'click', item: items[2 + 4 * (k % 10)]! }));
      await Promise.all(calls);
    }
    const afterClicks = (await hearth.ready()).events;
    const ranked = await hearth.rank(items);
    const stored = await new Promise<number>((resolve) => {
      const req = indexedDB.open('load');
      req.onsuccess = () => {
        const c = req.result.transaction('events').objectStore('events').count();
        c.onsuccess = () => resolve(c.result);
      };
    });
    await hearth.close();
    return { afterFill, afterClicks, stored, fallback: ranked.fallback, top: ranked.items.slice(0, 8).map((i) => i.id), ms: ranked.ms };
  }, items);
  test.info().annotations.push({ type: 'rank ms with 100k events (first rank after new events)', description: r.ms.toFixed(1) });
  expect(r.afterFill).toBe(100_000);
  expect(r.afterClicks).toBe(100_000);
  expect(r.stored).toBe(100_000);
  expect(r.fallback).toBe(false);
  expect(r.top.filter((id) => Number(id.slice(1)) % 4 === 2).length).toBeGreaterThanOrEqual(6);
  expect(pageErrors).toEqual([]);
});
