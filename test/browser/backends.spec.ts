import { test, expect, catalogue, type Catalogue } from './fixtures.js';
import { createEngine, createMemoryStore, createDefaultModel, createJsScorer, validateEvent, candidateItems } from '../../src/engine/index.js';

const items = catalogue(60);
const clicked = ['p1', 'p5', 'p9', 'p14', 'p22'];

/** The same history and candidates through the plain-JS reference, in Node. */
async function referenceScores(): Promise<number[]> {
  const now = Date.now();
  const engine = await createEngine({ store: createMemoryStore(), model: createDefaultModel(), scorer: createJsScorer(), now: () => now });
  for (const id of clicked) await engine.track([validateEvent({ type: 'click', item: items.find((i) => i.id === id) }, now)]);
  const r = await engine.rank(candidateItems(items));
  return r.scores;
}

for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu'] as const) {
  test(`${backend}: scores match the plain-JS reference`, async ({ page, open, pageErrors }) => {
    await open('esm.html');
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
    expect(pageErrors).toEqual([]);
  });
}

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
