import { test, expect, catalogue, type Catalogue } from './fixtures.js';
import type * as HearthModule from '../../src/index.js';

declare global {
  interface Window {
    H: typeof HearthModule;
  }
}

const items = catalogue(40);
/** Items in category "Tents" (i % 4 === 2). */
const isTent = (id: string) => Number(id.slice(1)) % 4 === 2;

test.describe('core path: page → comlink → worker → engine → tfjs → IndexedDB', () => {
  test('tracking clicks in one category lifts that category, for items never seen', async ({ page, open, pageErrors }) => {
    await open('esm.html');
    const result = await page.evaluate(async (items: Catalogue) => {
      const hearth = window.H.createHearth({ dbName: 'lift', backend: 'webgpu', timeoutMs: 60_000 });
      const ready = await hearth.ready();
      const before = await hearth.rank(items);
      for (const id of ['p2', 'p6', 'p10']) await hearth.track({ type: 'click', item: items.find((i) => i.id === id)! });
      const unseen = items.filter((i) => !['p2', 'p6', 'p10'].includes(i.id));
      const after = await hearth.rank(unseen);
      await hearth.close();
      return { ready, before: before.items.map((i) => i.id), after: after.items.map((i) => i.id), fallback: after.fallback, backend: after.backend, same: after.items[0] === unseen.find((i) => i.id === after.items[0]!.id) };
    }, items);
    expect(result.ready.backend).toBe('webgpu');
    expect(result.before).toEqual(items.map((i) => i.id)); // no history: original order
    expect(result.fallback).toBe(false);
    expect(result.backend).toBe('webgpu');
    expect(result.same).toBe(true); // the caller's own objects come back
    const topTen = result.after.slice(0, 10);
    expect(topTen.filter(isTent).length).toBeGreaterThanOrEqual(6); // 7 unseen tents in 37 items
    expect(pageErrors).toEqual([]);
  });

  test('history survives a reload; forget(item) and forget(all) remove it', async ({ page, open, pageErrors }) => {
    await open('esm.html');
    const first = await page.evaluate(async (items: Catalogue) => {
      const hearth = window.H.createHearth({ dbName: 'persist', backend: 'wasm', timeoutMs: 60_000 });
      // Clicks, not cart adds: an item in the cart is not lifted (README › Defaults a merchandiser accepts).
      for (const id of ['p3', 'p7', 'p11']) await hearth.track({ type: 'click', item: items.find((i) => i.id === id)! });
      const ranked = await hearth.rerank(items);
      const live = (await hearth.ready()).events;
      await hearth.close();
      return { ids: ranked.map((i) => i.id), live };
    }, items);
    expect(first.live).toBe(3);
    expect(first.ids.slice(0, 3).every((id) => ['p3', 'p7', 'p11'].includes(id))).toBe(true);

    await page.reload();
    await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
    const second = await page.evaluate(async (items: Catalogue) => {
      const hearth = window.H.createHearth({ dbName: 'persist', backend: 'wasm', timeoutMs: 60_000 });
      const ready = await hearth.ready();
      const ranked = (await hearth.rerank(items)).map((i) => i.id);
      await hearth.forget({ itemId: 'p3' });
      const afterItem = (await hearth.ready()).events;
      await hearth.forget({ all: true });
      const afterAll = await hearth.rank(items);
      await hearth.close();
      return { events: ready.events, ranked, afterItem, afterAll: afterAll.items.map((i) => i.id), fallback: afterAll.fallback };
    }, items);
    expect(second.events).toBe(3);
    expect(second.ranked).toEqual(first.ids);
    expect(second.afterAll).toEqual(items.map((i) => i.id));
    expect(second.fallback).toBe(false);

    // forget really deletes from IndexedDB, read back with the raw API.
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const req = indexedDB.open('persist');
          req.onsuccess = () => {
            const count = req.result.transaction('events').objectStore('events').count();
            count.onsuccess = () => resolve(count.result);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    expect(stored).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  test('forget(itemId) removes only that item', async ({ page, open }) => {
    await open('esm.html');
    const counts = await page.evaluate(async (items: Catalogue) => {
      const hearth = window.H.createHearth({ dbName: 'forget-one', backend: 'cpu', timeoutMs: 60_000 });
      await hearth.track({ type: 'view', item: items[1]! });
      await hearth.track({ type: 'click', item: items[1]! });
      await hearth.track({ type: 'click', item: items[2]! });
      await hearth.forget({ itemId: 'p1' });
      await hearth.close();
      const again = window.H.createHearth({ dbName: 'forget-one', backend: 'cpu' });
      const ready = await again.ready();
      await again.close();
      return ready.events;
    }, items);
    expect(counts).toBe(1);
  });

  test('a bad workerUrl gives the original order, no error, no hang', async ({ page, open, pageErrors }) => {
    await open('esm.html');
    const result = await page.evaluate(async (items: Catalogue) => {
      const hearth = window.H.createHearth({ workerUrl: '/nope/missing-worker.js', timeoutMs: 5_000 });
      const started = performance.now();
      await hearth.track({ type: 'click', item: items[5]! }); // resolves, never throws
      const ranked = await hearth.rank(items);
      const ready = await hearth.ready().then(
        () => 'resolved',
        (e: Error) => e.name,
      );
      return { ids: ranked.items.map((i) => i.id), fallback: ranked.fallback, ms: performance.now() - started, ready };
    }, items);
    expect(result.ids).toEqual(items.map((i) => i.id));
    expect(result.fallback).toBe(true);
    expect(result.ready).toBe('HearthWorkerError');
    expect(result.ms).toBeLessThan(5_000); // the failure is detected, not waited out
    expect(pageErrors.filter((e) => !e.includes('missing-worker.js'))).toEqual([]);
  });

  test('a budget that runs out returns the original order', async ({ page, open }) => {
    await open('esm.html');
    const result = await page.evaluate(async (items: Catalogue) => {
      const hearth = window.H.createHearth({ dbName: 'budget', backend: 'cpu' });
      // Before the worker is up, a 0 ms budget cannot be met.
      const r = await hearth.rank(items, { timeoutMs: 0 });
      await hearth.close();
      return { ids: r.items.map((i) => i.id), fallback: r.fallback, backend: r.backend };
    }, items);
    expect(result).toEqual({ ids: items.map((i) => i.id), fallback: true, backend: 'none' });
  });

  test('invalid input is rejected with the field named', async ({ page, open }) => {
    await open('esm.html');
    const errors = await page.evaluate(async () => {
      const hearth = window.H.createHearth({ dbName: 'invalid', backend: 'cpu' });
      const grab = (p: Promise<unknown>) => p.then(() => 'ok', (e: Error) => `${e.name}: ${e.message}`);
      const out = {
        type: await grab(hearth.track({ type: 'like' as 'click', item: { id: 'a' } })),
        id: await grab(hearth.track({ type: 'click', item: { id: '' } })),
        price: await grab(hearth.track({ type: 'click', item: { id: 'a', price: NaN } })),
        long: await grab(hearth.track({ type: 'click', item: { id: 'a', title: 'x'.repeat(5000) } })),
        notArray: await grab(hearth.rerank('abc' as unknown as [])),
        noId: await grab(hearth.rerank([{ id: 'a' }, { title: 'b' } as unknown as { id: string }])),
        backend: await grab(Promise.resolve().then(() => window.H.createHearth({ backend: 'gpu' as 'cpu' }))),
      };
      await hearth.close();
      return out;
    });
    expect(errors.type).toMatch(/^HearthInputError: event\.type must be one of 'impression', 'view', 'click', 'add_to_cart', 'purchase'/);
    expect(errors.id).toMatch(/event\.item\.id must be a non-empty string/);
    expect(errors.price).toMatch(/event\.item\.price must be a finite number, got NaN/);
    expect(errors.long).toMatch(/event\.item\.title must be at most 1000 characters/);
    expect(errors.notArray).toMatch(/items must be an array/);
    expect(errors.noId).toMatch(/items\[1\]\.id must be a non-empty string/);
    expect(errors.backend).toMatch(/options\.backend must be one of 'auto', 'webgpu', 'webgl', 'wasm', 'cpu'/);
  });

  test('every request is a GET of Hearth’s own static files, with no body', async ({ page, open, server }) => {
    const from = server.requests.length;
    await open('esm.html');
    await page.evaluate(async (items: Catalogue) => {
      for (const backend of ['webgpu', 'wasm', 'cpu'] as const) {
        const hearth = window.H.createHearth({ dbName: `net-${backend}`, backend, timeoutMs: 60_000 });
        for (const item of items.slice(0, 10)) await hearth.track({ type: 'click', item });
        await hearth.rank(items);
        await hearth.forget({ all: true });
        await hearth.close();
      }
    }, items);
    const seen = server.requests.slice(from);
    expect(seen.length).toBeGreaterThan(0);
    for (const r of seen) {
      expect(r.method).toBe('GET');
      expect(r.bodyBytes).toBe(0);
      expect(r.url).toMatch(/^\/(dist\/(chunks\/)?[\w.-]+\.(js|wasm)|test\/browser\/pages\/esm\.html)$/);
      // No query strings, and no item id smuggled into a path segment.
      expect(r.url).not.toMatch(/[?#]/);
      const tokens = r.url.split(/[/.-]/);
      expect(tokens.filter((t) => items.some((i) => i.id === t))).toEqual([]);
    }
  });
});
