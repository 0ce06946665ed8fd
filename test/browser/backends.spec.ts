import { test, expect, catalogue, type Catalogue } from './fixtures.js';
import type { StaticServer } from '../support/static-server.js';
import { createEngine, validateEvent, candidateItems } from '../../src/engine.js';

const items = catalogue(60);
const clicked = ['p1', 'p5', 'p9', 'p14', 'p22'];

/** The same history and candidates through the plain-JS reference, in Node. */
async function referenceScores(): Promise<number[]> {
  const now = Date.now();
  const engine = await createEngine({ now: () => now });
  for (const id of clicked) await engine.track([validateEvent({ type: 'click', item: items.find((i) => i.id === id) }, now)]);
  const r = await engine.rank(candidateItems(items));
  return r.scores;
}

/** Worker-side files fetched since request `from` of the real server's log (page.route does not see worker requests). */
const fetched = (server: StaticServer, from: number) => server.requests.slice(from).map((r) => r.url);

for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu'] as const) {
  test(`${backend}: scores match the plain-JS reference`, async ({ page, open, server, pageErrors }) => {
    await open('esm.html');
    const from = server.requests.length;
    const got = await page.evaluate(
      async ({ items, clicked, backend }: { items: Catalogue; clicked: string[]; backend: string }) => {
        const hearth = window.H.createHearth({ dbName: `ref-${backend}`, backend: backend as 'cpu', timeoutMs: 60_000 });
        const ready = await hearth.ready();
        for (const id of clicked) await hearth.track({ type: 'click', item: items.find((i) => i.id === id)! });
        const r = await hearth.rank(items);
        await hearth.forget({ all: true });
        await hearth.close();
        const byId = new Map(r.items.map((item, k) => [item.id, r.scores[k]!]));
        return { backend: ready.backend, used: r.backend, scores: items.map((i) => byId.get(i.id)!) };
      },
      { items, clicked, backend },
    );
    const expected = await referenceScores();
    // Headless chromium may lack a backend (e.g. WebGL without a GPU): then it must say which one it fell back to.
    if (got.backend !== backend) test.info().annotations.push({ type: 'fallback', description: `${backend} → ${got.backend}` });
    if (backend === 'webgpu' || backend === 'wasm' || backend === 'cpu') expect(got.backend).toBe(backend);
    expect(got.used).toBe(got.backend);
    got.scores.forEach((s, i) => expect(s).toBeCloseTo(expected[i]!, 3));
    // A backend outside hearth.tf.js is fetched from its own file when asked for by name.
    const files = fetched(server, from);
    expect(files).toContain('/dist/hearth.tf.js');
    if (got.backend !== 'wasm') expect(files).toContain(`/dist/hearth.${got.backend}.js`);
    if (backend === 'wasm') expect(files.filter((f) => /hearth\.(webgpu|webgl|cpu)\.js$/.test(f))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
}

test('ranks before the tfjs backend is up are personalised and equal the plain-JS reference; then tfjs takes over', async ({ page, open, pageErrors }) => {
  await open('esm.html');
  const got = await page.evaluate(
    async ({ items, clicked }: { items: Catalogue; clicked: string[] }) => {
      const hearth = window.H.createHearth({ dbName: 'bridge', timeoutMs: 60_000 });
      // Tracked and ranked at once, as on a first visit: the rank follows the events in the same message queue.
      const tracked = clicked.map((id) => hearth.track({ type: 'click', item: items.find((i) => i.id === id)! }));
      const first = await hearth.rank(items);
      await Promise.all(tracked);
      const ready = await hearth.ready();
      const later = await hearth.rank(items);
      await hearth.forget({ all: true });
      await hearth.close();
      const byId = (r: typeof first) => {
        const m = new Map(r.items.map((item, k) => [item.id, r.scores[k]!]));
        return items.map((i) => m.get(i.id)!);
      };
      return {
        first: { backend: first.backend, fallback: first.fallback, personalised: first.items.some((item, k) => item !== items[k]), scores: byId(first) },
        ready: ready.backend,
        later: { backend: later.backend, scores: byId(later) },
      };
    },
    { items, clicked },
  );
  const expected = await referenceScores();
  expect(got.first).toMatchObject({ backend: 'js', fallback: false, personalised: true });
  // The bridge is the reference itself: equal up to float32 rounding of the results.
  got.first.scores.forEach((s, i) => expect(s).toBeCloseTo(expected[i]!, 5));
  expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(got.ready);
  expect(got.later.backend).toBe(got.ready);
  got.later.scores.forEach((s, i) => expect(s).toBeCloseTo(expected[i]!, 3));
  expect(pageErrors).toEqual([]);
});

test("'auto' without a hardware GPU never fetches the WebGPU or WebGL backend", async ({ page, open, server, pageErrors }) => {
  await open('esm.html');
  const from = server.requests.length;
  const got = await page.evaluate(async () => {
    // What the page can see of the adapters, by the worker's own rule (tf/select-backend.ts).
    const software = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;
    const adapter = await navigator.gpu?.requestAdapter().catch(() => null);
    const info = (adapter as unknown as { info?: GPUAdapterInfo & { isFallbackAdapter?: boolean } } | null)?.info;
    const webgpu = Boolean(adapter && !info?.isFallbackAdapter && !software.test(`${info?.vendor} ${info?.architecture} ${info?.description} ${info?.device}`));
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    const ext = gl?.getExtension('WEBGL_debug_renderer_info');
    const webgl = Boolean(gl && !software.test(String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER))));
    const hearth = window.H.createHearth({ dbName: 'auto-files' });
    const ready = await hearth.ready();
    await hearth.close();
    return { hardware: { webgpu, webgl }, backend: ready.backend };
  });
  const files = fetched(server, from);
  expect(files).toContain('/dist/hearth.tf.js');
  if (!got.hardware.webgpu) expect(files).not.toContain('/dist/hearth.webgpu.js');
  if (!got.hardware.webgl) expect(files).not.toContain('/dist/hearth.webgl.js');
  if (!got.hardware.webgpu && !got.hardware.webgl) {
    expect(got.backend).toBe('wasm');
    expect(files).not.toContain('/dist/hearth.cpu.js'); // cpu is only the last resort
  }
  expect(pageErrors).toEqual([]);
});

test("'auto' never picks the software WebGPU adapter", async ({ page, open }) => {
  await open('esm.html');
  const info = await page.evaluate(async () => {
    const adapter = await navigator.gpu?.requestAdapter();
    const hearth = window.H.createHearth({ dbName: 'auto' });
    const ready = await hearth.ready();
    await hearth.close();
    return { fallbackAdapter: Boolean((adapter as unknown as { info?: { isFallbackAdapter?: boolean } })?.info?.isFallbackAdapter), backend: ready.backend };
  });
  // In this CI, WebGPU is SwiftShader: auto must prefer a faster CPU path.
  if (info.fallbackAdapter) expect(info.backend).not.toBe('webgpu');
  expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(info.backend);
});
