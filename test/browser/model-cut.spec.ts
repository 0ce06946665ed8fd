import { mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect, repoRoot } from './fixtures.js';
import { idFeatureKey, itemFeatures } from '../../src/core/model/features.js';
import { hashString } from '../../src/core/model/hash.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { DEFAULT_PARAMS } from '../../src/core/model/params.js';
import type { Item } from '../../src/core/types.js';
import { writeCutModel, writeModel } from '../../tools/train/model-io.js';

const dims = 16;
const BRANDS = 8;
/** 2,000 products of 8 brands; interactions fall with the index, so the head is the low indices. */
const products: Item[] = Array.from({ length: 2_000 }, (_, i) => ({ id: `q${i}`, brand: `Brand ${i % BRANDS}`, categories: [`Cat ${i % 5}`], title: `Thing ${i % 13} kind ${i % 7}`, price: 5 + (i % 40) }));

/**
 * A trained-shaped table written at test time: a row for every id and feature. Brand rows point
 * along a dimension of their own; every other row is faint noise. An item without its id row is
 * then still placed by its brand, and only by its features.
 */
function trainedModel(): InterestModel {
  const hashes = new Set<number>();
  for (const p of products) for (const f of itemFeatures(p)) hashes.add(hashString(f.key));
  const keys = Uint32Array.from(hashes).sort();
  const context = new Float32Array(keys.length * dims);
  let seed = 11;
  for (let k = 0; k < context.length; k++) context[k] = (((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) - 0.5) * 0.02;
  for (let b = 0; b < BRANDS; b++) context[keys.indexOf(hashString(`brand:brand ${b}`)) * dims + b] = 1;
  const onlyIdsAndBrands = { ...DEFAULT_PARAMS.fieldWeights, id: 1, brand: 1, category: 0.2, word: 0.2, price: 0.2, bias: 0 };
  const base = createDefaultModel({ dims, fieldWeights: onlyIdsAndBrands, unknownFeatures: 'zero', normalize: false, beta: 1 });
  return { ...base, version: 'cut-fixture-1', table: { keys, context, target: context.slice() } };
}

test('a cut model: the worker fetches no more than the budget its manifest declares before the first rank, and tail items rank by their features', async ({ page, open, server, pageErrors }) => {
  const full = trainedModel();
  const itemWeights = new Map(products.map((p, i) => [hashString(idFeatureKey(p.id)), products.length - i]));
  const fullDir = resolve(repoRoot, 'test-results/fixture-model-full');
  const dir = resolve(repoRoot, 'test-results/fixture-model-cut');
  mkdirSync(dir, { recursive: true });
  const fullBytes = Object.values(writeModel(fullDir, full)).reduce((a, b) => a + b, 0);
  const budget = 32 * 1024;
  const { cut } = writeCutModel(dir, full, { itemWeights, budgetBytes: budget });
  // The budget bites: the whole table would not fit, and most items ship no id row.
  expect(fullBytes).toBeGreaterThan(budget);
  expect(cut.budgetBytes).toBe(budget);
  expect(cut.headItems).toBeLessThan(products.length / 2);
  expect(statSync(resolve(dir, 'model.bin')).size + statSync(resolve(dir, 'model.json')).size).toBeLessThanOrEqual(budget);

  await open('esm.html');
  const from = server.requests.length;
  // A head item of brand 3 clicked; candidates are tail items (no id row shipped), brand 3 ones last in the shop's order.
  const tail = products.slice(1_600);
  const candidates = [...tail.filter((p) => p.brand !== 'Brand 3').slice(0, 12), ...tail.filter((p) => p.brand === 'Brand 3').slice(0, 4)];
  const result = await page.evaluate(
    async ({ clicked, candidates }) => {
      const hearth = window.H.createHearth({ dbName: 'model-cut', backend: 'cpu', modelUrl: '/test-results/fixture-model-cut/model.json', timeoutMs: 60_000 });
      await hearth.forget({ all: true });
      await hearth.track({ type: 'click', item: clicked });
      const ranked = await hearth.rank(candidates);
      await hearth.close();
      return { ids: ranked.items.map((i) => i.id), fallback: ranked.fallback, backend: ranked.backend };
    },
    { clicked: products[3]!, candidates },
  );
  const modelRequests = server.requests.slice(from).filter((r) => r.url.startsWith('/test-results/fixture-model-cut/'));
  expect(modelRequests.map((r) => r.url).sort()).toEqual(['/test-results/fixture-model-cut/model.bin', '/test-results/fixture-model-cut/model.json']);
  const manifest = (await (await fetch(`${server.origin}/test-results/fixture-model-cut/model.json`)).json()) as { cut: { budgetBytes: number } };
  expect(modelRequests.reduce((s, r) => s + r.responseBytes, 0)).toBeLessThanOrEqual(manifest.cut.budgetBytes);
  expect(result.fallback).toBe(false);
  expect(result.backend).not.toBe('none');
  expect(result.ids.slice(0, 4).sort()).toEqual(candidates.slice(12).map((p) => p.id).sort());
  expect(pageErrors).toEqual([]);
});
