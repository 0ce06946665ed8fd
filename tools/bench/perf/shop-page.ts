/**
 * The main thread of the demo shop page (tools/bench/pages/shop.html, a 60-card grid): what
 * track() costs a click handler, the main-thread share of a DOM rerank of the grid, and the
 * long tasks from navigation to the end.
 */
import type { Browser } from '@playwright/test';
import { newPage, open, type BenchWindow } from './browser.js';
import { quick } from './options.js';
import type { Results } from './results.js';
import { summarise } from './stats.js';

export async function runMain(browser: Browser, origin: string, results: Results): Promise<void> {
  const page = await newPage(browser);
  await open(page, origin, '/tools/bench/pages/shop.html');
  const main = await page.evaluate(async (quick) => {
    const w = window as unknown as BenchWindow;
    const products = w.products!;
    const hearth = w.H.createHearth({ dbName: 'shop', timeoutMs: 60_000 });
    // Impressions of the whole grid, as the auto-tracker reports them, before the worker is ready.
    for (const [i, p] of products.entries()) void hearth.track({ type: 'impression', item: p, listId: 'grid', position: i });
    await hearth.ready();
    // 1. track(): the synchronous part (validation, queueing) and with the batch's postMessage.
    const N = 2_000;
    const t0 = performance.now();
    const done: Array<Promise<void>> = [];
    for (let i = 0; i < N; i++) done.push(hearth.track({ type: 'impression', item: products[i % products.length]!, listId: 'grid', position: i % 60 }));
    const t1 = performance.now();
    await Promise.resolve(); // the batch is posted in a microtask queued before this continuation
    const t2 = performance.now();
    await Promise.all(done);
    // One click in a task of its own: the cost a click handler pays (timer resolution is 0.1 ms
    // without cross-origin isolation, so 20 calls are timed together and averaged).
    const isolated: number[] = [];
    const isolatedSync: number[] = [];
    for (let k = 0; k < (quick ? 20 : 100); k++) {
      const a = performance.now();
      for (let j = 0; j < 20; j++) void hearth.track({ type: 'click', item: products[(k + j) % products.length]!, listId: 'grid', position: k % 60 });
      const b = performance.now();
      await Promise.resolve();
      isolated.push((performance.now() - a) / 20);
      isolatedSync.push((b - a) / 20);
      await new Promise((r) => setTimeout(r, 2));
    }
    // 2. A DOM rerank of the 60-card grid: main-thread parts (call, result mapping, DOM moves) and end to end.
    const grid = document.getElementById('grid')!;
    const domMain: number[] = [];
    const domAll: number[] = [];
    for (let k = 0; k < (quick ? 10 : 50); k++) {
      const a = performance.now();
      const pending = hearth.rank(products);
      const b = performance.now();
      const r = await pending;
      const c = performance.now();
      const cards = new Map<string, Element>();
      for (const el of grid.children) cards.set((el as HTMLElement).dataset.id!, el);
      const frag = document.createDocumentFragment();
      for (const item of r.items) frag.append(cards.get(item.id)!);
      grid.append(frag);
      void grid.offsetHeight; // layout, as the browser must do it before the next paint
      const d = performance.now();
      domMain.push(b - a + (d - c));
      domAll.push(d - a);
      await new Promise((r) => setTimeout(r, 5));
    }
    await hearth.forget({ all: true });
    await hearth.close();
    await new Promise((r) => setTimeout(r, 200)); // let the observer deliver
    return { N, sync: (t1 - t0) / N, withPost: (t2 - t0) / N, isolated, isolatedSync, domMain, domAll, longTasks: w.longTasks ?? [] };
  }, quick);
  const long = main.longTasks.filter((t) => t.duration > 50);
  results.main = {
    trackSyncMs: main.sync,
    trackWithPostMs: main.withPost,
    trackIsolated: summarise(main.isolated),
    trackSyncMsIsolated: summarise(main.isolatedSync),
    domRerankMain: summarise(main.domMain),
    domRerankEndToEnd: summarise(main.domAll),
    longTasks: long.length,
    longTaskDetail: long.map((t) => ({ duration: t.duration, start: t.start })),
  };
  console.log(`  track(): ${main.sync.toFixed(4)} ms sync, ${main.withPost.toFixed(4)} ms with postMessage (×${main.N}); DOM rerank main-thread p50 ${results.main.domRerankMain.p50.toFixed(2)} ms; long tasks > 50 ms: ${long.length}`);
  await page.context().close();
}
