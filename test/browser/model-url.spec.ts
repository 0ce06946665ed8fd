import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect, catalogue, repoRoot, type Catalogue } from './fixtures.js';
import { encodeModel } from '../../src/model/model-format.js';
import { createDefaultModel } from '../../src/model/model.js';
import { DEFAULT_PARAMS } from '../../src/model/params.js';
import { hashString } from '../../src/model/hash.js';

const items = catalogue(12);

/**
 * A tiny site model written at test time: learned vectors for two item ids that make p0 and p9
 * identical (and nothing else like them), so clicking p0 must lift p9 — which the
 * zero-training model, knowing nothing of p9, would not do.
 */
function writeFixtureModel(dir: string, version: string): void {
  const onlyIds = Object.fromEntries(Object.keys(DEFAULT_PARAMS.fieldWeights).map((k) => [k, k === 'id' ? 1 : 0])) as typeof DEFAULT_PARAMS.fieldWeights;
  const base = createDefaultModel({ dims: 8, fieldWeights: onlyIds, unknownFeatures: 'zero' });
  const keys = [hashString('id:p0'), hashString('id:p9')].sort((a, b) => a - b);
  const vec = [1, 0, 0, 0, 0, 0, 0, 0];
  const table = { keys: Uint32Array.from(keys), context: Float32Array.from([...vec, ...vec]), target: Float32Array.from([...vec, ...vec]) };
  const { manifest, bin } = encodeModel({ ...base, version, table }, 'float32');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, 'model.json'), JSON.stringify(manifest));
  writeFileSync(resolve(dir, 'model.bin'), bin);
}

test('modelUrl: site weights load, shape the ranking, and are cached in IndexedDB', async ({ page, open, server, pageErrors }) => {
  const dir = resolve(repoRoot, 'test-results/fixture-model');
  writeFixtureModel(dir, 'fixture-1');
  const modelUrl = '/test-results/fixture-model/model.json';
  await open('esm.html');
  const from = server.requests.length;

  const run = (url: string) =>
    page.evaluate(
      async ({ items, url }: { items: Catalogue; url: string }) => {
        const hearth = window.H.createHearth({ dbName: 'model-url', backend: 'cpu', modelUrl: url, timeoutMs: 60_000 });
        await hearth.forget({ all: true });
        await hearth.track({ type: 'click', item: items[0]! });
        const ranked = await hearth.rerank(items.slice(1));
        await hearth.close();
        return ranked.map((i) => i.id);
      },
      { items, url },
    );

  const first = await run(modelUrl);
  expect(first[0]).toBe('p9');
  const firstRequests = server.requests.slice(from).map((r) => r.url);
  expect(firstRequests).toContain(modelUrl);
  expect(firstRequests).toContain('/test-results/fixture-model/model.bin');

  // Second start: weights come from IndexedDB; only the manifest is revalidated (same version → no .bin).
  const mark = server.requests.length;
  const second = await run(modelUrl);
  expect(second).toEqual(first);
  await expect.poll(() => server.requests.slice(mark).some((r) => r.url === modelUrl)).toBe(true);
  expect(server.requests.slice(mark).map((r) => r.url)).not.toContain('/test-results/fixture-model/model.bin');

  // A missing model degrades to the zero-training model: still personalised, no error.
  const missing = await run('/test-results/no-such-model/model.json');
  expect(missing).toHaveLength(11);
  expect(pageErrors.filter((e) => !e.includes('no-such-model'))).toEqual([]);
});
