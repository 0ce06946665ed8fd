import type { Browser } from '@playwright/test';
import type { Item, TrackEvent } from '../../../src/core/types.js';
import type { StaticServer } from '../../../test/support/static-server.js';
import { newPage, open, type BenchWindow } from '../perf/browser.js';
import { summarise } from '../perf/stats.js';
import { attachWorkerHeap } from '../perf/worker-heap.js';

export interface ModelRun {
  name: string;
  /** Bytes of the model's files the server sent before the first personalised rank answered. */
  bytesBeforeFirstRank: number;
  requests: string[];
  backend: string;
  /** Rerank of 100 candidates through the public API, page-side wall ms. */
  rerank100: { p50: number; p95: number; n: number };
  /** Worker JS heap (MiB, after a forced GC) before and after each quarter of the ranks. */
  heapMiB: number[];
  ranks: number;
}

const mib = (b: number) => Math.round((b / 1048576) * 100) / 100;

/**
 * One model in a fresh page: the public API with `modelUrl`, a 50-event history, the first rank
 * (what the server sent of the model until then), rerank-100 latency, then `ranks` ranks with the
 * worker heap read every quarter.
 */
export async function measureModel(browser: Browser, server: StaticServer, run: { name: string; modelPath: string; history: TrackEvent[]; candidates: Item[]; backend: string; ranks: number; latencyIters: number }): Promise<ModelRun> {
  const page = await newPage(browser);
  await open(page, server.origin, '/tools/bench/pages/perf.html');
  const from = server.requests.length;
  const first = await page.evaluate(
    async ({ name, modelPath, history, candidates, backend }) => {
      const w = window as unknown as BenchWindow;
      w.hearth = w.H.createHearth({ dbName: `download-${name}`, backend: backend as 'auto', modelUrl: modelPath, timeoutMs: 60_000 });
      await w.hearth.forget({ all: true });
      for (const e of history) await w.hearth.track(e);
      const r = await w.hearth.rank(candidates);
      // Later ranks on the backend the worker settles on, not the plain-JS bridge of the first ones.
      await w.hearth.ready();
      return { backend: (await w.hearth.rank(candidates)).backend, fallback: r.fallback };
    },
    { name: run.name, modelPath: run.modelPath, history: run.history, candidates: run.candidates, backend: run.backend },
  );
  const dir = run.modelPath.slice(0, run.modelPath.lastIndexOf('/') + 1);
  const modelRequests = server.requests.slice(from).filter((r) => r.url.startsWith(dir));
  if (first.fallback) throw new Error(`${run.name}: the first rank fell back`);
  const samples = await page.evaluate(
    async ({ candidates, iters }) => {
      const w = window as unknown as BenchWindow;
      const out: number[] = [];
      for (let i = 0; i < iters + 20; i++) {
        const t0 = performance.now();
        await w.hearth!.rerank(candidates);
        if (i >= 20) out.push(performance.now() - t0);
      }
      return out;
    },
    { candidates: run.candidates, iters: run.latencyIters },
  );
  const heap = await attachWorkerHeap(browser, '/dist/hearth.worker.js');
  const heapMiB = [mib(await heap.usedAfterGc())];
  for (let q = 0; q < 4; q++) {
    await page.evaluate(
      async ({ candidates, n }) => {
        const w = window as unknown as BenchWindow;
        for (let i = 0; i < n; i++) await w.hearth!.rank(candidates);
      },
      { candidates: run.candidates, n: run.ranks / 4 },
    );
    heapMiB.push(mib(await heap.usedAfterGc()));
  }
  await heap.detach();
  await page.evaluate(() => (window as unknown as BenchWindow).hearth!.close());
  await page.context().close();
  const s = summarise(samples);
  return { name: run.name, bytesBeforeFirstRank: modelRequests.reduce((a, r) => a + r.responseBytes, 0), requests: modelRequests.map((r) => r.url), backend: first.backend, rerank100: { p50: s.p50, p95: s.p95, n: samples.length }, heapMiB, ranks: run.ranks };
}
