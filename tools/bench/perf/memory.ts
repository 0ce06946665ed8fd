/**
 * Memory over many reranks, straight to the worker through comlink (diagnostics() is not on the
 * public API): live tensors, tensor bytes, worker and page heap every quarter of the run, the
 * on-device learner's work in the same worker, and the floor of any worker call.
 */
import type { Browser, Page } from '@playwright/test';
import type { BackendChoice, Item, TrackEvent } from '../../../src/core/types.js';
import type * as EngineModule from '../../../src/engine.js';
import type * as ComlinkModule from 'comlink';
import type { WorkerApi, WorkerDiagnostics } from '../../../src/core/wire/protocol.js';
import { newPage, open, type BenchWindow } from './browser.js';
import { quick } from './options.js';
import type { MemoryRow, Results } from './results.js';
import { summarise } from './stats.js';
import { attachWorkerHeap } from './worker-heap.js';

type MemoryWindow = BenchWindow & { api?: ComlinkModule.Remote<WorkerApi>; wire?: EngineModule.EncodedCandidates };
type WorkerHeap = Awaited<ReturnType<typeof attachWorkerHeap>>;
type Mark = { reranks: number; d: WorkerDiagnostics; worker: number | null; page: number | null };

/** A worker with `events` and 20 seen lists, its api and the encoded list on `window`; answers the backend it got. */
async function startWorker(page: Page, backend: BackendChoice, items: Item[], events: TrackEvent[]): Promise<string> {
  return page.evaluate(
    async ({ backend, items, events }) => {
      const w = window as unknown as MemoryWindow;
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
    { backend, items, events },
  );
}

/** `total` reranks in four steps, a mark (diagnostics, page heap, worker heap after a GC) before and after each. */
async function rerankAndMark(page: Page, heap: WorkerHeap | undefined, total: number): Promise<Mark[]> {
  const marks: Mark[] = [];
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
  return marks;
}

/** The floor of any worker call: 100 comlink round trips carrying almost nothing; then the worker is emptied and closed. */
async function roundTrips(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
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
}

function memoryRow(label: string, marks: Mark[], rt: number[]): MemoryRow {
  const learned = marks.at(-1)?.d.learning;
  const mb = (b: number | null | undefined) => (b == null ? null : Math.round((b / 1048576) * 100) / 100);
  return {
    backend: label,
    reranks: marks.map((m) => m.reranks),
    tensors: marks.map((m) => m.d.tensors),
    tensorBytes: marks.map((m) => m.d.tensorBytes),
    workerHeapMB: marks.map((m) => mb(m.worker)),
    pageHeapMB: marks.map((m) => mb(m.page)),
    roundTrip: summarise(rt),
    // The on-device learner ran in the background of these reranks, in the same worker.
    ...(learned ? { learning: { steps: learned.steps, pairs: learned.pairs, ...learned.work } } : {}),
  };
}

export async function runMemory(browser: Browser, origin: string, products: Item[], events: TrackEvent[], results: Results): Promise<void> {
  for (const backend of ['wasm', 'cpu', 'webgl', 'webgpu'] as const) {
    const page = await newPage(browser);
    await open(page, origin, '/tools/bench/pages/perf.html');
    const total = quick ? 200 : backend === 'webgpu' ? 200 : 1_000;
    const got = await startWorker(page, backend, products.slice(0, 100), events);
    const heap = await attachWorkerHeap(browser, '/dist/hearth.worker.js').catch((err: unknown) => {
      results.notes.push(`worker heap unavailable: ${String(err)}`);
      return undefined;
    });
    const marks = await rerankAndMark(page, heap, total);
    const rt = await roundTrips(page);
    await heap?.detach();
    const row = memoryRow(`${backend} (${got})`, marks, rt);
    results.memory.push(row);
    console.log(`  memory ${row.backend}: tensors ${row.tensors.join(' → ')}, worker heap MB ${row.workerHeapMB.join(' → ')}, comlink round trip p50 ${row.roundTrip.p50.toFixed(3)} ms`);
    await page.context().close();
  }
}
