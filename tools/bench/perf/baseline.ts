/**
 * The baselines of the same run, on the same lists and histories: the same engine with the
 * plain-JS reference scorer on the page's main thread ('main-thread JS'), and behind an HTTP
 * server on 127.0.0.1 ('http 127.0.0.1 (JS)', the best case of a cloud reranker).
 */
import type { Browser, Page } from '@playwright/test';
import type { Item, TrackEvent } from '../../../src/core/types.js';
import { startBaselineServer } from './baseline-server.js';
import { openPerfPage, type BenchWindow } from './browser.js';
import { CANDIDATES, HISTORIES, cellOptions } from './options.js';
import type { LatencyCell, Results } from './results.js';
import { summarise } from './stats.js';

type Kind = 'server' | 'main-js';

/** Samples of one baseline cell: `n` candidates over the history `h` (the server's key, the page's `jsEngine`). */
async function baselineCell(page: Page, kind: Kind, n: number, h: number, serverOrigin: string): Promise<number[]> {
  return page.evaluate(
    async ({ kind, n, h, opts, serverOrigin }) => {
      const w = window as unknown as BenchWindow;
      const items = w.products!.slice(0, n);
      const once = async () => {
        if (kind === 'main-js') {
          const r = await w.jsEngine!.rank(w.E.candidateItems(items));
          return r.order.map((i) => items[i]!);
        }
        const res = await fetch(`${serverOrigin}/rank?h=${h}`, { method: 'POST', body: JSON.stringify(items), headers: { 'content-type': 'text/plain' } });
        const r = (await res.json()) as { order: number[] };
        return r.order.map((i) => items[i]!);
      };
      for (let i = 0; i < 3; i++) await once();
      const samples: number[] = [];
      const start = performance.now();
      while (samples.length < opts.maxIters && (performance.now() - start < opts.budgetMs || samples.length < opts.minIters)) {
        const t0 = performance.now();
        await once();
        samples.push(performance.now() - t0);
      }
      return samples;
    },
    { kind, n, h, opts: cellOptions, serverOrigin },
  );
}

export async function runBaseline(browser: Browser, origin: string, products: Item[], histories: Record<number, TrackEvent[]>, now: number, results: Results): Promise<void> {
  const server = await startBaselineServer(Object.fromEntries(HISTORIES.map((h) => [String(h), histories[h]!])), now);
  const page = await openPerfPage(browser, origin, products);
  try {
    for (const h of HISTORIES) {
      // Plain-JS loops on the page's main thread: the same engine with the JS reference scorer.
      await page.evaluate(
        async ({ events, now }) => {
          const w = window as unknown as BenchWindow;
          const E = w.E;
          w.jsEngine = await E.createEngine({ store: E.createMemoryStore(), model: E.createDefaultModel(), scorer: E.createJsScorer(), now: () => now });
          await w.jsEngine.track(events.map((e) => E.validateEvent(e, now)));
        },
        { events: histories[h]!, now },
      );
      for (const n of CANDIDATES) {
        for (const kind of ['server', 'main-js'] as const) {
          const cell = await baselineCell(page, kind, n, h, server.origin);
          const row: LatencyCell = { backend: kind === 'server' ? 'http 127.0.0.1 (JS)' : 'main-thread JS', used: kind, history: h, candidates: n, fallbacks: 0, stats: summarise(cell) };
          results.baseline.push(row);
          console.log(`  ${row.backend} h=${h} n=${n}: p50 ${row.stats.p50.toFixed(2)} p99 ${row.stats.p99.toFixed(2)} ms`);
        }
      }
    }
  } finally {
    await page.context().close();
    await server.close();
  }
}
