import { test, expect, catalogue, type Catalogue } from './fixtures.js';

const items = catalogue(20);

/** Number of events in IndexedDB database `name`, or null if the database does not exist. */
async function storedEvents(page: import('@playwright/test').Page, name: string): Promise<number | null> {
  return page.evaluate(async (name: string) => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes(name)) return null;
    return new Promise<number>((resolve) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('events')) return resolve(0);
        const c = db.transaction('events').objectStore('events').count();
        c.onsuccess = () => {
          db.close();
          resolve(c.result);
        };
      };
    });
  }, name);
}

test("consent 'denied': nothing is written, what existed is deleted, lists keep their order", async ({ page, open, pageErrors }) => {
  await open('esm.html');
  await page.evaluate(async (items: Catalogue) => {
    const granted = window.H.createHearth({ dbName: 'denied', backend: 'cpu', timeoutMs: 10_000 });
    await granted.track({ type: 'click', item: items[2]! });
    await granted.close();
  }, items);
  expect(await storedEvents(page, 'denied')).toBe(1);

  const r = await page.evaluate(async (items: Catalogue) => {
    const hearth = window.H.createHearth({ dbName: 'denied', backend: 'cpu', consent: 'denied', timeoutMs: 10_000 });
    const ready = await hearth.ready();
    for (const id of ['p2', 'p6', 'p10']) await hearth.track({ type: 'purchase', item: items.find((i) => i.id === id)! });
    const ranked = await hearth.rank(items);
    const invalid = await hearth.track({ type: 'nope' as 'click', item: { id: 'x' } }).then(() => 'ok', (e: Error) => e.name);
    await hearth.close();
    return { events: ready.events, ids: ranked.items.map((i) => i.id), fallback: ranked.fallback, invalid };
  }, items);
  expect(r).toEqual({ events: 0, ids: items.map((i) => i.id), fallback: false, invalid: 'HearthInputError' });
  expect(await storedEvents(page, 'denied')).toBeNull(); // the database itself is gone
  expect(pageErrors).toEqual([]);
});

test("consent 'pending' personalises from memory only; 'granted' then stores what was held", async ({ page, open, pageErrors }) => {
  await open('esm.html');
  const r = await page.evaluate(async (items: Catalogue) => {
    const hearth = window.H.createHearth({ dbName: 'pending', backend: 'cpu', consent: 'pending', timeoutMs: 10_000 });
    // Clicks, not cart adds: an item in the cart is not lifted to the top of a browsing list.
    for (const id of ['p3', 'p7']) await hearth.track({ type: 'click', item: items.find((i) => i.id === id)! });
    const ranked = await hearth.rank(items);
    const dbsWhilePending = (await indexedDB.databases()).map((d) => d.name);
    await hearth.setConsent('granted');
    await hearth.track({ type: 'click', item: items[11]! });
    await hearth.close();
    return { top: ranked.items.slice(0, 2).map((i) => i.id), fallback: ranked.fallback, dbsWhilePending };
  }, items);
  expect(r.fallback).toBe(false);
  expect(r.top.sort()).toEqual(['p3', 'p7']);
  expect(r.dbsWhilePending).not.toContain('pending');
  expect(await storedEvents(page, 'pending')).toBe(3);
  expect(pageErrors).toEqual([]);
});

test("setConsent('denied') mid-session forgets everything, in every tab", async ({ context, server, pageErrors }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const p of [a, b]) {
    await p.goto(`${server.origin}/test/browser/pages/esm.html`);
    await p.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
    await p.evaluate(async () => {
      (window as unknown as { hearth: unknown }).hearth = window.H.createHearth({ dbName: 'withdraw', backend: 'cpu', timeoutMs: 10_000 });
    });
  }
  type W = { hearth: ReturnType<typeof window.H.createHearth> };
  await a.evaluate(async (items: Catalogue) => {
    const { hearth } = window as unknown as W;
    for (const it of items.slice(0, 5)) await hearth.track({ type: 'click', item: it });
  }, items);
  await expect.poll(() => b.evaluate(async () => (await (window as unknown as W).hearth.ready()).events)).toBe(5);
  await a.evaluate(async () => (window as unknown as W).hearth.setConsent('denied'));
  await expect.poll(() => b.evaluate(async () => (await (window as unknown as W).hearth.ready()).events)).toBe(0);
  const after = await a.evaluate(async (items: Catalogue) => {
    const { hearth } = window as unknown as W;
    await hearth.track({ type: 'click', item: items[7]! });
    return (await hearth.ready()).events;
  }, items);
  expect(after).toBe(0);
  expect(pageErrors).toEqual([]);
});

test('Global Privacy Control is honoured when the shop opts in', async ({ page, open }) => {
  await open('esm.html');
  const r = await page.evaluate(async (items: Catalogue) => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    const optedIn = window.H.createHearth({ dbName: 'gpc', backend: 'cpu', respectGlobalPrivacyControl: true, timeoutMs: 10_000 });
    await optedIn.track({ type: 'click', item: items[2]! });
    const a = (await optedIn.ready()).events;
    await optedIn.close();
    const notOptedIn = window.H.createHearth({ dbName: 'gpc-ignored', backend: 'cpu', timeoutMs: 10_000 });
    await notOptedIn.track({ type: 'click', item: items[2]! });
    const b = (await notOptedIn.ready()).events;
    await notOptedIn.close();
    return { a, b };
  }, items);
  expect(r).toEqual({ a: 0, b: 1 });
  expect(await storedEvents(page, 'gpc')).toBeNull();
});
