import { test, expect, catalogue } from './fixtures.js';
import type * as EngineModule from '../../src/engine.js';
import type * as ComlinkModule from 'comlink';
import type { WorkerApi } from '../../src/core/wire/protocol.js';

interface LeakWindow {
  E: typeof EngineModule;
  Comlink: typeof ComlinkModule;
}

const items = catalogue(300);

/**
 * Tensor hygiene: the live tensor count of the worker is the same before and after many
 * reranks, on every backend and across shape buckets. The worker is driven straight through
 * comlink because diagnostics() is part of the worker contract, not of the public API.
 * No wall-clock assertions: only counts.
 */
for (const backend of ['wasm', 'cpu', 'webgl', 'webgpu'] as const) {
  test(`${backend}: no tensors leak over many reranks`, async ({ page, server, pageErrors }) => {
    await page.goto(`${server.origin}/tools/bench/pages/perf.html`);
    await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
    // SwiftShader WebGPU takes ~100 ms a rerank: fewer rounds, same buckets.
    const rounds = backend === 'webgpu' ? 5 : 40;
    const got = await page.evaluate(
      async ({ backend, items, rounds }) => {
        const w = window as unknown as LeakWindow;
        const worker = new Worker('/dist/hearth.worker.js', { name: 'hearth' });
        const api = w.Comlink.wrap<WorkerApi>(worker);
        await api.init({ dbName: `leak-${backend}`, backend, assetBase: new URL('/dist/', location.href).href });
        // The first ranks after init are scored by the plain-JS bridge; wait for the tfjs backend.
        const ready = await api.ready();
        await api.forget({ all: true });
        const now = Date.now();
        await api.track(items.slice(0, 60).map((item, i) => w.E.validateEvent({ type: i % 3 ? 'view' : 'click', item, at: now - i * 60_000 }, now)));
        // Three list lengths in three shape buckets (16, 128, 512 rows).
        const lists = [10, 100, 300].map((n) => w.E.encodeCandidates(w.E.candidateItems(items.slice(0, n))));
        for (const list of lists) await api.rank(list);
        const before = await api.diagnostics();
        for (let r = 0; r < rounds; r++) {
          for (const list of lists) await api.rank(list);
          // A track between reranks refolds the history: new history length, same buckets.
          if (r % 10 === 0) await api.track([w.E.validateEvent({ type: 'click', item: items[100 + r]!, at: now }, now)]);
        }
        const after = await api.diagnostics();
        const last = await api.rank(lists[1]!);
        await api.forget({ all: true });
        await api.close();
        worker.terminate();
        return { backend: ready.backend, before, after, scored: last.backend };
      },
      { backend, items, rounds },
    );
    if (backend === 'webgpu' && got.backend !== 'webgpu') {
      // This Chromium has WebGPU on SwiftShader (test/support/chromium.ts): a fallback here means
      // the webgpu path went untested, so it fails rather than checking another backend's tensors.
      const gpu = await page.evaluate(async () => {
        const nav = navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } };
        if (!nav.gpu) return 'no navigator.gpu';
        return (await nav.gpu.requestAdapter().catch(() => null)) ? 'an adapter is available' : 'no adapter';
      });
      expect(got.backend, `asked for webgpu, the worker runs ${got.backend} (page: ${gpu})`).toBe('webgpu');
    }
    if (got.backend !== backend) test.info().annotations.push({ type: 'fallback', description: `${backend} → ${got.backend}` });
    expect(got.scored).toBe(got.backend); // the reranks really ran on the backend
    expect(got.after.tensors).toBe(got.before.tensors);
    expect(got.after.tensorBytes).toBe(got.before.tensorBytes);
    expect(pageErrors).toEqual([]);
  });
}
