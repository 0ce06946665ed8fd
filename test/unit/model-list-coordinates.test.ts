import { describe, expect, it } from 'vitest';
import { listCoordinates, sharedCoordinates, usesExactOverlap } from '../../src/core/model/list-coordinates.js';
import { featureScale, featureSet, RARITY_FIELDS, type FeatureSet } from '../../src/core/model/item-vector.js';
import { listRarity } from '../../src/core/model/list-rarity.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { createEngine } from '../../src/engine.js';
import { candidateItems, validateEvent } from '../../src/core/wire/validate.js';
import type { WireItem } from '../../src/core/wire/wire.js';

const NOW = 1_800_000_000_000;
const brands = ['Acme', 'Borealis', 'Cirrus'];
const cats = ['Shoes', 'Tents', 'Jackets', 'Bags', 'Bikes'];
const item = (i: number): WireItem => ({
  id: `p${i}`,
  title: `${cats[i % 5]} model ${i % 7} trail`,
  brand: brands[i % 3]!,
  categories: ['Outdoor', cats[i % 5]!, `Sub ${i % 4}`],
  price: 10 + 7 * i,
});

/** The exact weighted cosine, from the features themselves (the reference). */
function exactCosine(a: FeatureSet, b: FeatureSet, model = createDefaultModel(), rarity?: (h: number) => number): number {
  const sparse = (s: FeatureSet) => {
    const m = new Map<number, number>();
    s.hashes.forEach((h, k) => {
      const v = featureScale(s, k, model) * (rarity && RARITY_FIELDS.has(s.fields[k]!) ? rarity(h) : 1);
      if (v !== 0) m.set(h, (m.get(h) ?? 0) + v);
    });
    return m;
  };
  const x = sparse(a);
  const y = sparse(b);
  let dot = 0;
  for (const [h, v] of x) dot += v * (y.get(h) ?? 0);
  const norm = (m: Map<number, number>) => Math.sqrt([...m.values()].reduce((s, v) => s + v * v, 0));
  return dot / (norm(x) * norm(y));
}

function vectorsOf(cands: WireItem[], hist: WireItem[], model = createDefaultModel(), rarity?: (h: number) => number, withinList = true) {
  const dims = model.params.dims;
  const c = new Float32Array(cands.length * dims);
  const h = new Float32Array(hist.length * dims);
  listCoordinates(cands.map(featureSet), hist.map(featureSet), model, rarity, c, h, { withinList });
  const row = (m: Float32Array, i: number) => m.subarray(i * dims, (i + 1) * dims);
  const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, v, j) => s + v * b[j]!, 0);
  return { cand: (i: number) => row(c, i), hist: (i: number) => row(h, i), dot };
}

describe('list coordinates (exact overlap)', () => {
  const cands = Array.from({ length: 30 }, (_, i) => item(i));
  const hist = Array.from({ length: 12 }, (_, i) => item(100 + i));

  it('makes every candidate × history dot product the exact weighted cosine, with and without rarity', () => {
    const model = createDefaultModel();
    const rarity = listRarity(cands.map(featureSet));
    for (const [r, withinList] of [[undefined, true], [rarity, true], [rarity, false]] as const) {
      const v = vectorsOf(cands, hist, model, r, withinList);
      for (let i = 0; i < cands.length; i++) {
        for (let k = 0; k < hist.length; k++) {
          expect(v.dot(v.cand(i), v.hist(k))).toBeCloseTo(exactCosine(featureSet(cands[i]!), featureSet(hist[k]!), model, r), 5);
        }
      }
    }
  });

  it('gives an item seen before a cosine of 1 with itself', () => {
    const v = vectorsOf([...cands, hist[3]!], hist);
    expect(v.dot(v.cand(cands.length), v.hist(3))).toBeCloseTo(1, 5);
  });

  it('makes candidate × candidate dot products exact too (the diversity knob compares candidates)', () => {
    const v = vectorsOf(cands, hist);
    for (let i = 0; i < cands.length; i++) {
      for (let k = i + 1; k < cands.length; k++) expect(v.dot(v.cand(i), v.cand(k))).toBeCloseTo(exactCosine(featureSet(cands[i]!), featureSet(cands[k]!)), 5);
    }
  });

  it('candidates sharing nothing with the history score exactly alike (no hashing noise)', async () => {
    const ranks = async (exactOverlap: boolean) => {
      const engine = await createEngine({ model: createDefaultModel({ exactOverlap, positionWeight: 0 }), now: () => NOW });
      await engine.track([validateEvent({ type: 'view', item: { id: 'seen', title: 'Kayak paddle', brand: 'Zephyr', categories: ['Water'] }, at: NOW - 60_000 }, NOW)]);
      const unrelated = candidateItems(Array.from({ length: 40 }, (_, i) => ({ id: `u${i}`, title: `Widget ${i}`, brand: `Brand ${i}`, categories: [`Shelf ${i}`] })));
      const r = await engine.rank(unrelated);
      await engine.close();
      return r.scores;
    };
    const exact = await ranks(true);
    expect(new Set(exact.map((s) => s.toFixed(7))).size).toBe(1);
    // Hashed vectors see overlap where there is none: the scores spread.
    const hashed = await ranks(false);
    expect(new Set(hashed.map((s) => s.toFixed(7))).size).toBeGreaterThan(10);
  });

  it('past `dims` shared features, keeps the ones the list and history share exact and hashes the rest', () => {
    // 6 coordinates; the candidates share many features among themselves (words, sub-categories,
    // brands), but with the history only the brand "Solo".
    const model = createDefaultModel({ dims: 6 });
    const many = Array.from({ length: 20 }, (_, i) => item(i));
    const solo = { id: 'h', brand: 'Solo', categories: ['Elsewhere'] };
    const withSolo = [...many, { id: 'c', brand: 'Solo', categories: ['Nowhere'] }];
    const v = vectorsOf(withSolo, [solo], model);
    expect(v.dot(v.cand(20), v.hist(0))).toBeCloseTo(exactCosine(featureSet(withSolo[20]!), featureSet(solo), model), 5);
    for (let i = 0; i < 20; i++) expect(Number.isFinite(v.dot(v.cand(i), v.cand(i)))).toBe(true);
  });

  it('past `dims`, gives the heaviest features both sides share their own coordinates, however few items hold them', () => {
    // A brand one candidate and one history item hold outright, against light features (implied
    // ones, say) that many hold; and features only candidates share, which come last.
    const onHistory = new Map([[1, 1], ...Array.from({ length: 6 }, (_, i) => [10 + i, 3] as const)]);
    const onCandidates = new Map([[1, 1], [99, 40], ...Array.from({ length: 6 }, (_, i) => [10 + i, 30] as const)]);
    const mass = {
      history: new Map([[1, 0.8], ...Array.from({ length: 6 }, (_, i) => [10 + i, 0.05] as const)]),
      candidates: new Map([[1, 0.8], [99, 20], ...Array.from({ length: 6 }, (_, i) => [10 + i, 0.5] as const)]),
    };
    let asked = 0;
    const masses = () => (asked++, mass);
    const at = sharedCoordinates(onCandidates, onHistory, 4, masses);
    expect(at.get(1)).toBe(0);
    expect([...at].filter(([, c]) => c >= 0).map(([hash]) => hash).sort((a, b) => a - b)).toEqual([1, 10, 11, 12]);
    expect(at.get(99)).toBe(-1); // shared by candidates only: after every feature of both sides
    // Within `dims`, every shared feature gets a coordinate, in any order.
    expect([...sharedCoordinates(onCandidates, onHistory, 8, masses).values()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(asked).toBe(1); // masses are summed only when the features overflow
  });

  it('is on for models without a learned table unless switched off', () => {
    expect(usesExactOverlap(createDefaultModel())).toBe(true);
    expect(usesExactOverlap(createDefaultModel({ exactOverlap: false }))).toBe(false);
    const table = { keys: new Uint32Array(0), context: new Float32Array(0), target: new Float32Array(0) };
    expect(usesExactOverlap({ ...createDefaultModel(), table })).toBe(false);
  });
});
