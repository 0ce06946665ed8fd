import { test, expect } from './fixtures.js';
import type * as EngineModule from '../../src/engine.js';
import type * as ComlinkModule from 'comlink';
import type { Page } from '@playwright/test';
import type { WorkerApi, WorkerDiagnostics } from '../../src/core/wire/protocol.js';

interface LearnWindow {
  E: typeof EngineModule;
  Comlink: typeof ComlinkModule;
  api: ComlinkModule.Remote<WorkerApi>;
}

const DB = 'learn-tabs';
const colours = ['red', 'blue', 'green', 'black'];
const items = Array.from({ length: 48 }, (_, i) => ({ id: `p${i}`, title: `${colours[i % 4]} shirt ${i}`, brand: `B${i % 5}`, categories: ['Clothes', 'Shirts'], price: 20 + i }));

/** A tab whose worker is driven through comlink: diagnostics() (the learner's status) is worker contract, not public API. */
async function openTab(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/tools/bench/pages/perf.html`);
  await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
  await page.evaluate(async (db) => {
    const w = window as unknown as LearnWindow;
    w.api = w.Comlink.wrap<WorkerApi>(new Worker('/dist/hearth.worker.js', { name: 'hearth' }));
    await w.api.init({ dbName: db, backend: 'cpu', assetBase: new URL('/dist/', location.href).href });
  }, DB);
}
const learning = (page: Page) => page.evaluate<NonNullable<WorkerDiagnostics['learning']>>(async () => (await (window as unknown as LearnWindow).api.diagnostics()).learning!);

test('two tabs: one trains (Web Locks), the other receives what it learned, and it survives closing both tabs', async ({ context, server }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openTab(a, server.origin);
  await a.evaluate(() => (window as unknown as LearnWindow).api.forget({ all: true }));
  await openTab(b, server.origin);
  // Lists of four shirts; the shopper clicks the red one every time (tracked in tab A).
  await a.evaluate(async (items) => {
    const w = window as unknown as LearnWindow;
    const now = Date.now();
    for (let l = 0; l < 6; l++) {
      const list = [0, 1, 2, 3].map((c) => items[l * 4 + c]!);
      await w.api.track(list.map((item, position) => w.E.validateEvent({ type: 'impression', item, listId: 'cat', position, at: now - 60_000 + l * 1000 }, now)));
      await w.api.track([w.E.validateEvent({ type: 'click', item: list[0], listId: 'cat', position: 0, at: now - 59_000 + l * 1000 }, now)]);
    }
  }, items);

  // Exactly one of the two workers holds the lock and trains; the other only receives u.
  await expect.poll(async () => [await learning(a), await learning(b)].some((s) => s.training && s.steps > 0 && s.resting), { timeout: 20_000 }).toBe(true);
  const [la, lb] = [await learning(a), await learning(b)];
  expect([la.training, lb.training].filter(Boolean)).toHaveLength(1);
  const idle = la.training ? lb : la;
  const trainer = la.training ? la : lb;
  expect(idle.steps).toBe(0);
  expect(trainer.norm).toBeGreaterThan(0);
  await expect.poll(async () => (await learning(la.training ? b : a)).norm, { timeout: 10_000 }).toBeCloseTo(trainer.norm, 4);

  // Persisted in IndexedDB under a shopper key (cleared with the history).
  const saved = await a.evaluate(
    () =>
      new Promise<boolean>((resolve, reject) => {
        const req = indexedDB.open('learn-tabs');
        req.onsuccess = () => {
          const get = req.result.transaction('meta').objectStore('meta').get('personal:learner');
          get.onsuccess = () => {
            resolve(get.result?.value?.u instanceof Float32Array);
            req.result.close();
          };
        };
        req.onerror = () => reject(req.error);
      }),
  );
  expect(saved).toBe(true);

  // Both tabs close; a new one starts from what was learned, before any training step of its own.
  await a.close();
  await b.close();
  const c = await context.newPage();
  await openTab(c, server.origin);
  await expect.poll(async () => (await learning(c)).restored, { timeout: 10_000 }).toBe(true);
  expect((await learning(c)).norm).toBeGreaterThan(0);

  // Forget-all takes the learned term with the history.
  await c.evaluate(() => (window as unknown as LearnWindow).api.forget({ all: true }));
  await expect.poll(async () => (await learning(c)).norm, { timeout: 10_000 }).toBe(0);
});
