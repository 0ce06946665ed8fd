/**
 * Performance benchmark (issue 8): `npm run bench:perf` (builds dist/ first).
 * Headless Debian chromium, pages served from a real 127.0.0.1 server, the built dist/ files.
 * Writes tools/bench/out/perf/results.json and results.md (the tables pasted into BENCHMARKS.md).
 *
 *   tsx tools/bench/perf.ts [--quick] [--only=latency,baseline,cold,main,memory,sizes] [--backends=auto,wasm,…] [--dist=path]
 *
 * A benchmark, not a test: nothing here fails on a slow number. Compare figures as ratios
 * within one run: this 2-core machine is noisy.
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startStaticServer } from '../../test/support/static-server.js';
import { startBaselineServer } from './perf/baseline-server.js';
import { catalogue, history } from './perf/data.js';
import { summarise, type Summary } from './perf/stats.js';
import { measureSizes, type SizeRow } from './perf/sizes.js';
import { writeSyntheticModel } from './perf/synthetic-model.js';
import { renderMarkdown } from './perf/report.js';
import { attachWorkerHeap } from './perf/worker-heap.js';
import type { Item, TrackEvent } from '../../src/core/types.js';
import type * as HearthModule from '../../src/index.js';
import type * as EngineModule from '../../src/engine.js';
import type * as ComlinkModule from 'comlink';
import type { WorkerApi, WorkerDiagnostics } from '../../src/core/wire/protocol.js';
import { CHROMIUM_ARGS as TEST_CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = resolve(root, 'tools/bench/out/perf');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const runs = (section: string) => !only || only.includes(section);
// Another build to serve as dist/ (an A/B against a saved earlier build, back to back).
const distArg = args.find((a) => a.startsWith('--dist='))?.slice('--dist='.length) ?? 'dist';
let modelDir = resolve(outDir, 'model');

const ALL_BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
const backendArg = args.find((a) => a.startsWith('--backends='))?.slice('--backends='.length).split(',');
export const BACKENDS = ALL_BACKENDS.filter((b) => !backendArg || backendArg.includes(b));
export const CANDIDATES = [20, 100, 1000] as const;
export const HISTORIES = [50, 200, 10_000] as const;
const CELL_BUDGET_MS = quick ? 600 : 2_000;
const CELL_MAX_ITERS = quick ? 40 : 300;
const CELL_MIN_ITERS = quick ? 5 : 15;

export const CHROMIUM_ARGS = [
  ...TEST_CHROMIUM_ARGS,
  // Unrounded performance.memory figures (page and worker heaps).
  '--enable-precise-memory-info',
];

interface BenchWindow {
  H: typeof HearthModule;
  E: typeof EngineModule;
  Comlink: typeof ComlinkModule;
  hearth?: HearthModule.Hearth;
  jsEngine?: EngineModule.Engine;
  longTasks?: Array<{ start: number; duration: number; name: string; attribution: string[] }>;
  products?: Item[];
  coldResult?: Record<string, unknown>;
}

export interface LatencyCell {
  backend: string;
  used: string;
  history: number;
  candidates: number;
  fallbacks: number;
  stats: Summary;
}

export interface Results {
  date: string;
  machine: string;
  command: string;
  ready: Array<{ backend: string; got: string; readyMs: number }>;
  latency: LatencyCell[];
  afterTrack: LatencyCell[];
  baseline: LatencyCell[];
  /** `sinceScript`: first personalised rerank − the page's module script start (Hearth's share, without the page's own load). */
  cold: Array<{ variant: string; backend: string; trials: number; firstRank: Summary; sinceScript: Summary; ready: Summary; allPersonalised: boolean; got: string }>;
  main?: {
    trackSyncMs: number;
    trackWithPostMs: number;
    trackIsolated: Summary;
    domRerankMain: Summary;
    domRerankEndToEnd: Summary;
    longTasks: number;
    longTaskDetail: Array<{ duration: number; start: number }>;
    trackSyncMsIsolated: Summary;
  };
  memory: Array<{ backend: string; reranks: number[]; tensors: number[]; tensorBytes: number[]; workerHeapMB: Array<number | null>; pageHeapMB: Array<number | null>; roundTrip: Summary; learning?: { steps: number; pairs: number; wakeups: number; meanMs: number; maxMs: number } }>;
  sizes: SizeRow[];
  notes: string[];
}

/** tsx keeps function names with an `__name` helper that does not exist in the page. */
async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    (globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f;
  });
  page.on('pageerror', (e) => console.error(`  pageerror: ${e.message}`));
  return page;
}

async function open(page: Page, origin: string, path: string): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
}

const cellOptions = { budgetMs: CELL_BUDGET_MS, maxIters: CELL_MAX_ITERS, minIters: CELL_MIN_ITERS };

/** Page → worker → page reranks of the same list (vectors cached, as when a shopper pages through a shop). */
async function latencyCell(page: Page, candidates: number, opts: typeof cellOptions, afterTrack = false) {
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

async function populate(page: Page, dbName: string, events: TrackEvent[]): Promise<void> {
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

async function runLatency(browser: Browser, origin: string, products: Item[], histories: Record<number, TrackEvent[]>, results: Results) {
  const page = await newPage(browser);
  await open(page, origin, '/tools/bench/pages/perf.html');
  await page.evaluate((products) => ((window as unknown as BenchWindow).products = products), products);
  for (const h of HISTORIES) {
    console.log(`  history ${h}: populating`);
    await populate(page, `bench-h${h}`, histories[h]!);
  }
  for (const backend of BACKENDS) {
    for (const h of HISTORIES) {
      const start = await page.evaluate(
        async ({ backend, dbName }) => {
          const w = window as unknown as BenchWindow;
          const t0 = performance.now();
          w.hearth = w.H.createHearth({ dbName, backend, timeoutMs: 60_000 });
          const r = await w.hearth.ready();
          return { got: r.backend, events: r.events, readyMs: performance.now() - t0 };
        },
        { backend, dbName: `bench-h${h}` },
      );
      if (h === HISTORIES[0]) results.ready.push({ backend, got: start.got, readyMs: start.readyMs });
      for (const n of CANDIDATES) {
        const opts = backend === 'webgpu' ? { ...cellOptions, minIters: Math.min(cellOptions.minIters, 10) } : cellOptions;
        const cell = await latencyCell(page, n, opts);
        const row: LatencyCell = { backend, used: cell.used, history: h, candidates: n, fallbacks: cell.fallbacks, stats: summarise(cell.samples) };
        results.latency.push(row);
        console.log(`  ${backend.padEnd(6)} (${start.got}) h=${String(h).padStart(5)} (${start.events} events) n=${String(n).padStart(4)}: p50 ${row.stats.p50.toFixed(2)} p95 ${row.stats.p95.toFixed(2)} p99 ${row.stats.p99.toFixed(2)} ms (${row.stats.n} runs)`);
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
  }
  await page.context().close();
}

async function runBaseline(browser: Browser, origin: string, products: Item[], histories: Record<number, TrackEvent[]>, now: number, results: Results) {
  const server = await startBaselineServer(Object.fromEntries(HISTORIES.map((h) => [String(h), histories[h]!])), now);
  const page = await newPage(browser);
  await open(page, origin, '/tools/bench/pages/perf.html');
  await page.evaluate((products) => ((window as unknown as BenchWindow).products = products), products);
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
          const cell = await page.evaluate(
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
            { kind, n, h, opts: cellOptions, serverOrigin: server.origin },
          );
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

async function runCold(browser: Browser, origin: string, results: Results) {
  const trials = quick ? 2 : 5;
  const model = await writeSyntheticModel(modelDir);
  const variants: Array<{ backend: string; model?: string }> = [{ backend: 'auto' }, { backend: 'wasm' }, { backend: 'cpu' }, { backend: 'webgl' }, { backend: 'webgpu' }, { backend: 'auto', model: '/tools/bench/out/perf/model/model.json' }];
  type Cold = { script: number; firstRank: number; ready: number; personalised: boolean; rankBackend: string; backend: string; fallback: boolean };
  const visit = async (page: Page, backend: string, mode: 'first' | 'return', model?: string): Promise<Cold> => {
    const q = new URLSearchParams({ backend, db: 'cold', mode, ...(model ? { model } : {}) });
    await page.goto(`${origin}/tools/bench/pages/cold.html?${q}`);
    return (await page.waitForFunction(() => (window as unknown as BenchWindow).coldResult, undefined, { timeout: 60_000 }).then((h) => h.jsonValue())) as Cold;
  };
  // One discarded trial first: a just-launched browser's first contexts are slower, which would
  // otherwise count against whichever variant runs first.
  const warm = await newPage(browser);
  for (const mode of ['first', 'return'] as const) await visit(warm, 'auto', mode);
  await warm.context().close();
  for (const v of variants) {
    const first: number[] = [];
    const firstReady: number[] = [];
    const again: number[] = [];
    const againReady: number[] = [];
    const firstShare: number[] = [];
    const againShare: number[] = [];
    let allPersonalised = true;
    let got = '';
    for (let t = 0; t < trials; t++) {
      // A fresh context per trial: empty IndexedDB and HTTP cache, as on a first visit.
      const page = await newPage(browser);
      for (const mode of ['first', 'return'] as const) {
        const r = await visit(page, v.backend, mode, v.model);
        (mode === 'first' ? first : again).push(r.firstRank);
        (mode === 'first' ? firstShare : againShare).push(r.firstRank - r.script);
        (mode === 'first' ? firstReady : againReady).push(r.ready);
        allPersonalised &&= r.personalised && !r.fallback;
        // The first rank may be scored by the plain-JS bridge before the tfjs backend takes over.
        got = r.rankBackend === r.backend ? r.backend : `${r.rankBackend} → ${r.backend}`;
      }
      await page.context().close();
    }
    const label = v.model ? `${v.backend} + site model (${model.megabytes.toFixed(1)} MB)` : v.backend;
    results.cold.push({ variant: 'first visit: load → 5 clicks → first personalised rerank' + (v.model ? ' (weights from network)' : ''), backend: label, trials, firstRank: summarise(first), sinceScript: summarise(firstShare), ready: summarise(firstReady), allPersonalised, got });
    results.cold.push({ variant: 'return visit: load → first personalised rerank (history' + (v.model ? ' and weights' : '') + ' from IndexedDB)', backend: label, trials, firstRank: summarise(again), sinceScript: summarise(againShare), ready: summarise(againReady), allPersonalised, got });
    const p50 = (a: number[]) => summarise(a).p50.toFixed(0);
    console.log(`  cold ${label}: first visit p50 ${p50(first)} ms (${p50(firstShare)} after the page's script), return visit p50 ${p50(again)} ms (${p50(againShare)}) (${got})`);
  }
}

async function runMain(browser: Browser, origin: string, results: Results) {
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
    await null; // the batch is posted in a microtask queued before this continuation
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
      await null;
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

async function runMemory(browser: Browser, origin: string, products: Item[], events: TrackEvent[], results: Results) {
  for (const backend of ['wasm', 'cpu', 'webgl', 'webgpu'] as const) {
    const page = await newPage(browser);
    await open(page, origin, '/tools/bench/pages/perf.html');
    const total = quick ? 200 : backend === 'webgpu' ? 200 : 1_000;
    const got = await page.evaluate(
      async ({ backend, items, events }) => {
        const w = window as unknown as BenchWindow & { api?: ComlinkModule.Remote<WorkerApi>; wire?: EngineModule.EncodedCandidates };
        // Straight to the worker through comlink: diagnostics() is not on the public API.
        const worker = new Worker('/dist/hearth.worker.js', { name: 'hearth' });
        const api = w.Comlink.wrap<WorkerApi>(worker);
        await api.init({ dbName: `mem-${backend}`, backend, assetBase: new URL('/dist/', location.href).href });
        // The first ranks after init are scored by the plain-JS bridge; wait for the tfjs backend.
        const ready = await api.ready();
        await api.forget({ all: true });
        await api.track(events.map((e) => w.E.validateEvent(e)));
        // 20 lists the shopper saw (8 impressions each) and clicked one of: the on-device
        // learner's pairs, so it trains in the background of the reranks below, as after a visit.
        const now = Date.now();
        const seen = Array.from({ length: 20 }, (_, k) => {
          const list = items.slice((k * 5) % 92, ((k * 5) % 92) + 8);
          const listId = `list-${k}`;
          return [
            ...list.map((item, position) => ({ type: 'impression' as const, item, listId, position, at: now - 60_000 + k * 1_000 })),
            { type: 'click' as const, item: list[k % 8]!, listId, position: k % 8, at: now - 60_000 + k * 1_000 + 500 },
          ];
        }).flat();
        await api.track(seen.map((e) => w.E.validateEvent(e)));
        w.api = api;
        w.wire = w.E.encodeCandidates(w.E.candidateItems(items));
        await api.rank(w.wire); // first rank: vectors and shaders, not a leak
        return ready.backend;
      },
      { backend, items: products.slice(0, 100), events },
    );
    const heap = await attachWorkerHeap(browser, '/dist/hearth.worker.js').catch((err: unknown) => {
      results.notes.push(`worker heap unavailable: ${String(err)}`);
      return undefined;
    });
    const marks: Array<{ reranks: number; d: WorkerDiagnostics; worker: number | null; page: number | null }> = [];
    const mark = async (reranks: number) => {
      const d = await page.evaluate(() => (window as unknown as { api: ComlinkModule.Remote<WorkerApi> }).api.diagnostics());
      const pageHeap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null);
      marks.push({ reranks, d, worker: heap ? await heap.usedAfterGc() : null, page: pageHeap });
    };
    await mark(0);
    for (let done = 0; done < total; ) {
      const step = total / 4;
      await page.evaluate(async (step) => {
        const w = window as unknown as { api: ComlinkModule.Remote<WorkerApi>; wire: EngineModule.EncodedCandidates };
        for (let i = 0; i < step; i++) await w.api.rank(w.wire);
      }, step);
      done += step;
      await mark(done);
    }
    // The floor of any worker call: one comlink round trip carrying almost nothing.
    const rt = await page.evaluate(async () => {
      const w = window as unknown as { api: ComlinkModule.Remote<WorkerApi> };
      const out: number[] = [];
      for (let i = 0; i < 100; i++) {
        const t0 = performance.now();
        await w.api.diagnostics();
        out.push(performance.now() - t0);
      }
      await w.api.forget({ all: true });
      await w.api.close();
      return out;
    });
    await heap?.detach();
    const learned = marks.at(-1)?.d.learning;
    const mb = (b: number | null | undefined) => (b == null ? null : Math.round((b / 1048576) * 100) / 100);
    const row = {
      backend: `${backend} (${got})`,
      reranks: marks.map((m) => m.reranks),
      tensors: marks.map((m) => m.d.tensors),
      tensorBytes: marks.map((m) => m.d.tensorBytes),
      workerHeapMB: marks.map((m) => mb(m.worker)),
      pageHeapMB: marks.map((m) => mb(m.page)),
      roundTrip: summarise(rt),
      // The on-device learner ran in the background of these reranks, in the same worker.
      ...(learned ? { learning: { steps: learned.steps, pairs: learned.pairs, ...learned.work } } : {}),
    };
    results.memory.push(row);
    console.log(`  memory ${row.backend}: tensors ${row.tensors.join(' → ')}, worker heap MB ${row.workerHeapMB.join(' → ')}, comlink round trip p50 ${row.roundTrip.p50.toFixed(3)} ms`);
    await page.context().close();
  }
}

async function main() {
  await mkdir(outDir, { recursive: true });
  const now = Date.now();
  const products = catalogue(2_000);
  const histories = Object.fromEntries(HISTORIES.map((h) => [h, history(products, h, now, h)])) as Record<number, TrackEvent[]>;
  const results: Results = {
    date: new Date().toISOString(),
    machine: `${process.arch}, node ${process.version}`,
    command: `npm run bench:perf${args.length ? ` -- ${args.join(' ')}` : ''}`,
    ready: [],
    latency: [],
    afterTrack: [],
    baseline: [],
    cold: [],
    memory: [],
    sizes: [],
    notes: [],
  };
  // Serve a snapshot of what the pages load, so a rebuild of dist/ during the run (other work in
  // the same checkout) cannot pull files from under the benchmark.
  const site = resolve(outDir, 'site');
  await rm(site, { recursive: true, force: true });
  for (const dir of ['dist', 'tools/bench/pages', 'node_modules/comlink/dist/esm']) await cp(resolve(root, dir === 'dist' ? distArg : dir), resolve(site, dir), { recursive: true });
  modelDir = resolve(site, 'tools/bench/out/perf/model');
  const server = await startStaticServer(site);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  results.machine += `, chromium ${browser.version()}`;
  const started = Date.now();
  const section = async (name: string, fn: () => Promise<void>) => {
    if (!runs(name)) return;
    const t = Date.now();
    console.log(`${name}…`);
    try {
      await fn();
    } catch (err) {
      console.error(`${name} failed:`, err);
      results.notes.push(`${name} failed: ${String(err).slice(0, 300)}`);
    }
    console.log(`${name}: ${((Date.now() - t) / 1000).toFixed(0)} s`);
  };
  try {
    await section('sizes', async () => void (results.sizes = await measureSizes(site)));
    await section('main', () => runMain(browser, server.origin, results));
    await section('cold', () => runCold(browser, server.origin, results));
    await section('memory', () => runMemory(browser, server.origin, products, histories[200]!, results));
    await section('baseline', () => runBaseline(browser, server.origin, products, histories, now, results));
    await section('latency', () => runLatency(browser, server.origin, products, histories, results));
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await writeFile(resolve(outDir, 'results.json'), JSON.stringify(results, null, 2));
  await writeFile(resolve(outDir, 'results.md'), renderMarkdown(results));
  console.log(`wrote ${resolve(outDir, 'results.md')}`);
}

await main();
