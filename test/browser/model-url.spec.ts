import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect, catalogue, repoRoot, type Catalogue } from './fixtures.js';
import { encodeModel } from '../../src/core/model/model-format.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { createCatalogModel } from '../../src/core/model/catalog-rarity.js';
import { DEFAULT_PARAMS } from '../../src/core/model/params.js';
import { hashString } from '../../src/core/model/hash.js';
import { nailFeed } from '../support/nail-feed.js';

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

test('modelUrl: a model\'s went-on-to lists load into the worker and lift the item shoppers moved to', async ({ page, open }) => {
  // Vectors alone put p9 first after a click on p0 (as above) and p5 second; the model's list
  // p0 → p5 (half of p0's onward moves, strength 1) must put p5 first in the worker.
  const dir = resolve(repoRoot, 'test-results/fixture-model-next');
  const onlyIds = Object.fromEntries(Object.keys(DEFAULT_PARAMS.fieldWeights).map((k) => [k, k === 'id' ? 1 : 0])) as typeof DEFAULT_PARAMS.fieldWeights;
  const base = createDefaultModel({ dims: 8, fieldWeights: onlyIds, unknownFeatures: 'zero', nextItems: { gamma: 1, lambda: 30, recency: 0.3 } });
  const ids = ['p0', 'p5', 'p9'];
  const keys = ids.map((id) => hashString(`id:${id}`)).sort((a, b) => a - b);
  const vectors = new Float32Array(keys.length * 8);
  for (const [id, x] of [['p0', 1], ['p5', 0.5], ['p9', 1]] as const) vectors[keys.indexOf(hashString(`id:${id}`)) * 8] = x;
  const offsets = new Uint32Array(keys.length + 1);
  const from = keys.indexOf(hashString('id:p0'));
  for (let r = from + 1; r <= keys.length; r++) offsets[r] = 1;
  const next = { offsets, rows: Uint32Array.of(keys.indexOf(hashString('id:p5'))), weights: Float32Array.of(0.5) };
  const { manifest, bin } = encodeModel({ ...base, version: 'fixture-next-1', table: { keys: Uint32Array.from(keys), context: vectors, target: vectors.slice(), next } }, 'float32');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, 'model.json'), JSON.stringify(manifest));
  writeFileSync(resolve(dir, 'model.bin'), bin);
  await open('esm.html');
  const ranked = await page.evaluate(async (items: Catalogue) => {
    const hearth = window.H.createHearth({ dbName: 'model-url-next', backend: 'cpu', modelUrl: '/test-results/fixture-model-next/model.json', timeoutMs: 60_000 });
    await hearth.forget({ all: true });
    await hearth.track({ type: 'click', item: items[0]! });
    const out = await hearth.rerank(items.slice(1));
    await hearth.close();
    return out.map((i) => i.id);
  }, items);
  expect(ranked.slice(0, 2)).toEqual(['p5', 'p9']);
});

test('modelUrl: a catalogue-only model (model.json, no .bin) weighs a rare brand over a crowded category in the worker', async ({ page, open, server }) => {
  // The unit scenario of test/unit/model-catalog-rarity.test.ts, end to end: 500 shampoos, 3
  // items of a small brand. Without the counts the category match comes first.
  const feed = [
    ...Array.from({ length: 500 }, (_, i) => ({ id: `s${i}`, brand: `Brand ${i % 50}`, categories: ['Shampoo'] })),
    ...Array.from({ length: 3 }, (_, i) => ({ id: `r${i}`, brand: 'Tiny Soap Co', categories: [`Niche ${i}`] })),
  ];
  const dir = resolve(repoRoot, 'test-results/fixture-model-catalog');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, 'model.json'), JSON.stringify(encodeModel(createCatalogModel(feed)).manifest));
  await open('esm.html');
  const from = server.requests.length;
  const first = (modelUrl?: string) =>
    page.evaluate(async (modelUrl) => {
      const hearth = window.H.createHearth({ dbName: `catalog-${modelUrl ? 'on' : 'off'}`, backend: 'cpu', timeoutMs: 60_000, ...(modelUrl ? { modelUrl } : {}) });
      await hearth.forget({ all: true });
      await hearth.track({ type: 'view', item: { id: 'seen', brand: 'Tiny Soap Co', categories: ['Shampoo'] } });
      // The page's order holds a little (positionWeight): same-brand comes first, so only the
      // model can move same-category above it.
      const out = await hearth.rerank([
        { id: 'same-brand', brand: 'Tiny Soap Co', categories: ['Niche 1'] },
        { id: 'same-category', brand: 'Brand 7', categories: ['Shampoo'] },
        ...Array.from({ length: 8 }, (_, i) => ({ id: `o${i}`, brand: `Other ${i}`, categories: [`Misc ${i}`] })),
      ]);
      await hearth.close();
      return out[0]!.id;
    }, modelUrl);
  expect(await first()).toBe('same-category');
  expect(await first('/test-results/fixture-model-catalog/model.json')).toBe('same-brand');
  const urls = server.requests.slice(from).map((r) => r.url);
  expect(urls).toContain('/test-results/fixture-model-catalog/model.json');
  expect(urls.filter((u) => u.startsWith('/test-results/fixture-model-catalog/') && !u.endsWith('model.json'))).toEqual([]);
});

test('modelUrl: a catalogue model’s relations reach the worker: a category sold beside the shopper’s outranks an unrelated one', async ({ page, open }) => {
  // The unit scenario of test/unit/model-catalog-relations.test.ts, end to end: nail polish and
  // nail art share 40 products; the shopper saw nail polish; neither list item shares a category
  // or brand with it. Both fixtures hold the shop's order only on ties (positionWeight 0), one
  // with the relations switched off (relatedWeight 0).
  const model = createCatalogModel(nailFeed(), { positionWeight: 0 });
  for (const [name, relatedWeight] of [['on', 0.6], ['off', 0]] as const) {
    const dir = resolve(repoRoot, `test-results/fixture-model-related-${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(resolve(dir, 'model.json'), JSON.stringify(encodeModel({ ...model, version: `${model.version}-${name}`, params: { ...model.params, relatedWeight } }).manifest));
  }
  await open('esm.html');
  const first = (name: string) =>
    page.evaluate(async (name) => {
      const hearth = window.H.createHearth({ dbName: `related-${name}`, backend: 'cpu', timeoutMs: 60_000, modelUrl: `/test-results/fixture-model-related-${name}/model.json` });
      await hearth.forget({ all: true });
      await hearth.track({ type: 'view', item: { id: 'seen', brand: 'Polish 1', categories: ['Beauty', 'Nail Polish'] } });
      const out = await hearth.rerank([
        { id: 'lipstick', brand: 'Lips 2', categories: ['Beauty', 'Lipstick'] },
        { id: 'nail-art', brand: 'Art 3', categories: ['Beauty', 'Nail Art'] },
        ...Array.from({ length: 8 }, (_, i) => ({ id: `o${i}`, brand: `Misc ${i}`, categories: ['Beauty', `Other ${i}`] })),
      ]);
      await hearth.close();
      return out[0]!.id;
    }, name);
  expect(await first('off')).toBe('lipstick');
  expect(await first('on')).toBe('nail-art');
});
