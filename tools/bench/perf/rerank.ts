/**
 * Rerank latency through the public API, page → worker → page, per backend × stored history ×
 * list size (the same list again, vectors cached, as when a shopper pages through a shop), and
 * right after a track over the 10,000-event history.
 */
import type { Browser, Page } from '@playwright/test';
import type { BackendChoice, Item, TrackEvent } from '../../../src/core/types.js';
import { openPerfPage, type BenchWindow } from './browser.js';
import { BACKENDS, CANDIDATES, HISTORIES, cellOptions, type CellOptions } from './options.js';
import type { LatencyCell, Results } from './results.js';
import { summarise } from './stats.js';

/** Page → worker → page reranks of the same list (vectors cached, as when a shopper pages through a shop). */
async function latencyCell(page: Page, candidates: number, opts: CellOptions, afterTrack = false) {
  return page.evaluate(
    async ({ candidates, opts, afterTrack }) => {
      const w = window as unknown as BenchWindow;
      const hearth = w.hearth!;
      const items = w.products!.slice(0, candidates);
      const click = w.products![w.products!.length - 1]!;
      for (let i = 0; i < 3; i++) await hearth.rank(items, { timeoutMs: 60_000 });
      const samples: number[] = [];
      let fallbacks = 0;
      let used = 'none';
      const start = performance.now();
      while (samples.length < opts.maxIters && (performance.now() - start < opts.budgetMs || samples.length < opts.minIters)) {
        // A track invalidates the folded history: the next rank folds it again (from the history index).
        if (afterTrack) await hearth.track({ type: 'view', item: click });
        const t0 = performance.now();
        const r = await hearth.rank(items, { timeoutMs: 60_000 });
        samples.push(performance.now() - t0);
        if (r.fallback) fallbacks++;
        used = r.backend;
      }
      return { samples, fallbacks, used };
    },
    { candidates, opts, afterTrack },
  );
}

export async function populate(page: Page, dbName: string, events: TrackEvent[]): Promise<void> {
  await page.evaluate(
    async ({ dbName, events }) => {
      const w = window as unknown as BenchWindow;
      const hearth = w.H.createHearth({ dbName, backend: 'cpu', timeoutMs: 60_000 });
      await hearth.forget({ all: true });
      await Promise.all(events.map((e) => hearth.track(e)));
      await hearth.close();
    },
    { dbName, events },
  );
}

/** createHearth → ready() on a populated database; the instance stays on `window.hearth`. */
async function start(page: Page, backend: BackendChoice, dbName: string) {
  return page.evaluate(
    async ({ backend, dbName }) => {
      const w = window as unknown as BenchWindow;
      const t0 = performance.now();
      w.hearth = w.H.createHearth({ dbName, backend, timeoutMs: 60_000 });
      const r = await w.hearth.ready();
      return { got: r.backend, events: r.events, readyMs: performance.now() - t0 };
    },
    { backend, dbName },
  );
}

/** Every list size for one backend over one stored history, then (10,000 events) the rank after a track. */
async function measureHistory(page: Page, backend: BackendChoice, h: number, results: Results): Promise<void> {
  const started = await start(page, backend, `bench-h${h}`);
  if (h === HISTORIES[0]) results.ready.push({ backend, got: started.got, readyMs: started.readyMs });
  for (const n of CANDIDATES) {
    const opts = backend === 'webgpu' ? { ...cellOptions, minIters: Math.min(cellOptions.minIters, 10) } : cellOptions;
    const cell = await latencyCell(page, n, opts);
    const row: LatencyCell = { backend, used: cell.used, history: h, candidates: n, fallbacks: cell.fallbacks, stats: summarise(cell.samples) };
    results.latency.push(row);
    console.log(`  ${backend.padEnd(6)} (${started.got}) h=${String(h).padStart(5)} (${started.events} events) n=${String(n).padStart(4)}: p50 ${row.stats.p50.toFixed(2)} p95 ${row.stats.p95.toFixed(2)} p99 ${row.stats.p99.toFixed(2)} ms (${row.stats.n} runs)`);
  }
  if (h === 10_000 && backend !== 'webgpu') {
    // The worst realistic case: a track just before the rerank, over the full 10,000-event history.
    const cell = await latencyCell(page, 100, { ...cellOptions, maxIters: Math.min(cellOptions.maxIters, 60) }, true);
    const row: LatencyCell = { backend, used: cell.used, history: h, candidates: 100, fallbacks: cell.fallbacks, stats: summarise(cell.samples) };
    results.afterTrack.push(row);
    console.log(`  ${backend.padEnd(6)} after a track, h=10000 n=100: p50 ${row.stats.p50.toFixed(2)} p99 ${row.stats.p99.toFixed(2)} ms`);
  }
  await page.evaluate(async () => {
    const w = window as unknown as BenchWindow;
    await w.hearth?.close();
    delete w.hearth;
  });
}

export async function runLatency(browser: Browser, origin: string, products: Item[], histories: Record<number, TrackEvent[]>, results: Results): Promise<void> {
  const page = await openPerfPage(browser, origin, products);
  for (const h of HISTORIES) {
    console.log(`  history ${h}: populating`);
    await populate(page, `bench-h${h}`, histories[h]!);
  }
  for (const backend of BACKENDS) for (const h of HISTORIES) await measureHistory(page, backend, h, results);
  await page.context().close();
}
