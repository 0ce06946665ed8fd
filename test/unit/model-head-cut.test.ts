import { describe, expect, it } from 'vitest';
import { idFeatureKey, itemFeatures } from '../../src/core/model/features.js';
import { hashString } from '../../src/core/model/hash.js';
import { cutModel, int8BinBytes } from '../../src/core/model/head-cut.js';
import { itemVector } from '../../src/core/model/item-vector.js';
import { decodeModel, encodeModel, parseManifest } from '../../src/core/model/model-format.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { DEFAULT_PARAMS } from '../../src/core/model/params.js';
import type { WireItem } from '../../src/core/wire/wire.js';

const dims = 8;
const items: WireItem[] = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, brand: `b${i % 3}`, categories: [`c${i % 4}`], title: `w${i % 5} w${(i + 1) % 5}`, price: 10 + i }));
const itemWeights = new Map(items.map((item, i) => [hashString(idFeatureKey(item.id)), 100 - i * 7]));

/** A trained-shaped model: a random row for every id and every feature of the items, went-on-to lists p_i → p_{i+1}, p_{i+5}. */
function trained(): InterestModel {
  const hashes = new Set<number>();
  for (const item of items) for (const f of itemFeatures(item)) hashes.add(hashString(f.key));
  const keys = Uint32Array.from(hashes).sort();
  let seed = 3;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) - 0.5;
  const vectors = () => Float32Array.from({ length: keys.length * dims }, rnd);
  const row = (i: number) => keys.indexOf(hashString(idFeatureKey(items[i % items.length]!.id)));
  const offsets = new Uint32Array(keys.length + 1);
  const rows: number[] = [];
  for (let r = 0; r < keys.length; r++) {
    const i = items.findIndex((item) => row(items.indexOf(item)) === r);
    if (i >= 0) rows.push(row(i + 1), row(i + 5));
    offsets[r + 1] = rows.length;
  }
  const next = { offsets, rows: Uint32Array.from(rows), weights: Float32Array.from(rows, (_, k) => 0.1 + (k % 3) * 0.2) };
  const params = { ...DEFAULT_PARAMS, dims, normalize: false, unknownFeatures: 'zero' as const, fieldWeights: { ...DEFAULT_PARAMS.fieldWeights, id: 1, bias: 1 } };
  return { version: 'site-1', params, table: { keys, context: vectors(), target: vectors(), next } };
}

/** The full model without one id row: what a tail item's vector must equal. */
function withoutRow(model: InterestModel, key: number): InterestModel {
  const t = model.table!;
  const r = t.keys.indexOf(key);
  const drop = <T extends Float32Array>(a: T) => Float32Array.from([...a.subarray(0, r * dims), ...a.subarray((r + 1) * dims)]);
  return { ...model, table: { keys: Uint32Array.from([...t.keys.subarray(0, r), ...t.keys.subarray(r + 1)]), context: drop(t.context), target: drop(t.target) } };
}

describe('head cut of a trained table', () => {
  it('keeps the most-interacted id rows; a tail item gets its vector from its feature rows alone', () => {
    const full = trained();
    const { model: cut, facts } = cutModel(full, { itemWeights, headItems: 4 });
    expect(facts).toMatchObject({ items: 12, headItems: 4, featureRows: facts.features });
    expect(cut.version).not.toBe(full.version);
    for (const [i, item] of items.entries()) {
      for (const role of ['context', 'target'] as const) {
        const expected = i < 4 ? itemVector(item, full, role) : itemVector(item, withoutRow(full, hashString(idFeatureKey(item.id))), role);
        expect(Array.from(itemVector(item, cut, role))).toEqual(Array.from(expected));
      }
    }
    // A tail vector is not the full one: its id row carried something.
    expect(Array.from(itemVector(items[9]!, cut, 'target'))).not.toEqual(Array.from(itemVector(items[9]!, full, 'target')));
  });

  it('keeps went-on-to entries between kept items only, renumbered to the kept rows', () => {
    const full = trained();
    const { model: cut } = cutModel(full, { itemWeights, headItems: 6 });
    const t = cut.table!;
    const rowOf = (i: number) => t.keys.indexOf(hashString(idFeatureKey(items[i]!.id)));
    const listOf = (i: number) => Array.from(t.next!.rows.subarray(t.next!.offsets[rowOf(i)], t.next!.offsets[rowOf(i) + 1]));
    // p0 → p1, p5 (both kept); p2 → p3 (p7 dropped); p5 → p6 dropped, p10 dropped.
    expect(listOf(0)).toEqual([rowOf(1), rowOf(5)]);
    expect(listOf(2)).toEqual([rowOf(3)]);
    expect(listOf(5)).toEqual([]);
    expect(t.next!.offsets.at(-1)).toBe(t.next!.rows.length);
  });

  it('fits a byte budget with the most id rows, caps feature rows (bias first) and survives int8 encoding', () => {
    const full = trained();
    const features = full.table!.keys.length - items.length;
    const budget = int8BinBytes(features + 5, dims, 8) + 10;
    const { model: cut, facts } = cutModel(full, { itemWeights, binBudget: budget, featureRows: features });
    expect(facts.headItems).toBe(5);
    expect(encodeModel(cut).bin.byteLength).toBeLessThanOrEqual(budget);
    const capped = cutModel(full, { itemWeights, featureRows: 1 }).model;
    expect(capped.table!.keys.length).toBe(items.length + 1);
    expect(Array.from(capped.table!.keys)).toContain(hashString('bias'));
    // Rows quantise one by one, so the cut of the decoded model is the decoded cut.
    const { manifest, bin } = encodeModel(full);
    const decoded = decodeModel(parseManifest(manifest), bin.slice().buffer);
    const a = encodeModel(cut);
    expect(Array.from(decodeModel(parseManifest(a.manifest), a.bin.slice().buffer).table!.target)).toEqual(Array.from(cutModel(decoded, { itemWeights, binBudget: budget, featureRows: features }).model.table!.target));
  });

  it('refuses a model that would give a tail item a random vector, and a manifest with a bad cut', () => {
    const full = trained();
    expect(() => cutModel({ ...full, params: { ...full.params, unknownFeatures: 'random' } }, { itemWeights })).toThrow(/unknownFeatures 'zero'/);
    const { manifest } = encodeModel(full, 'int8', 'model.bin', undefined, { items: 12, headItems: 4, features: 30, featureRows: 30, interactionShare: 0.5, budgetBytes: 1000 });
    expect(parseManifest(JSON.parse(JSON.stringify(manifest))).cut?.budgetBytes).toBe(1000);
    expect(() => parseManifest({ ...manifest, cut: { ...manifest.cut, headItems: -1 } })).toThrow(/cut must be/);
    expect(() => parseManifest({ ...manifest, formatVersion: 2 })).toThrow(/formatVersion 2 is not supported \(expected 1\)/);
  });
});

describe('head cut under a budget with a large vocabulary', () => {
  it('gives feature rows at most half the budget unless capped explicitly, the most important first', () => {
    const full = trained();
    const features = full.table!.keys.length - items.length;
    const budget = int8BinBytes(features, dims, 0);
    const featureWeights = new Map(Array.from(full.table!.keys, (k, r) => [k, r]));
    const { facts } = cutModel(full, { itemWeights, featureWeights, binBudget: budget });
    expect(facts.featureRows).toBeLessThan(features);
    expect(int8BinBytes(facts.featureRows, dims, 0)).toBeLessThanOrEqual(budget / 2);
    expect(facts.headItems).toBeGreaterThan(0);
    const cut = cutModel(full, { itemWeights, featureWeights, binBudget: budget, featureRows: 2 }).model;
    const kept = Array.from(cut.table!.keys).filter((k) => !itemWeights.has(k));
    // Bias, then the row with the highest weight (the last row of the sorted keys, unless it is an id row).
    expect(kept).toContain(hashString('bias'));
    const heaviest = Array.from(full.table!.keys).filter((k) => !itemWeights.has(k) && k !== hashString('bias')).at(-1)!;
    expect(kept).toContain(heaviest);
  });
});
