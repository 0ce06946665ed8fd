import { idFeatureKey, itemFeatures } from '../../../src/core/model/features.js';
import { hashString } from '../../../src/core/model/hash.js';
import type { InterestModel } from '../../../src/core/model/model-types.js';
import { createDefaultModel } from '../../../src/core/model/model.js';
import type { Item } from '../../../src/core/types.js';
import { rng } from '../perf/data.js';

/**
 * An L-shaped shop (issue 21: 200k products) and a site-trained-shaped model for it, with random
 * rows: the bytes, row counts and lookups of a trained model, not its knowledge. Catalogue: 2,000
 * brands, a 3-level taxonomy (20 × 10 × 10), titles of 3–6 words from 20,000, prices 1–1,000;
 * went-on-to lists of 8 entries per item. Interactions fall off as Zipf(1) with the index.
 */
export const L_SHAPE = { items: 200_000, brands: 2_000, words: 20_000, dims: 64, next: 8 } as const;

export function lItem(i: number): Item {
  const r = rng(i + 1);
  const top = i % 20;
  const mid = Math.floor(i / 20) % 10;
  const leaf = Math.floor(i / 200) % 10;
  const n = 3 + Math.floor(r() * 4);
  const title = Array.from({ length: n }, () => `w${Math.floor(Math.pow(r(), 2) * L_SHAPE.words)}`).join(' ');
  return { id: `l${i}`, brand: `b${(i * 7919) % L_SHAPE.brands}`, categories: [`t${top}`, `t${top}/${mid}`, `t${top}/${mid}/${leaf}`], title, price: Math.round(1 + r() * 999) };
}

/** Rows for every id and every feature of the catalogue; `itemWeights`/`featureWeights` as `headWeights` would count them. */
export function lModel(): { model: InterestModel; itemWeights: Map<number, number>; featureWeights: Map<number, number> } {
  const { items, dims, next: perItem } = L_SHAPE;
  const itemWeights = new Map<number, number>();
  const featureWeights = new Map<number, number>();
  for (let i = 0; i < items; i++) {
    const w = 1e5 / (i + 1);
    itemWeights.set(hashString(idFeatureKey(`l${i}`)), w);
    for (const f of itemFeatures(lItem(i))) if (f.field !== 'id') featureWeights.set(hashString(f.key), (featureWeights.get(hashString(f.key)) ?? 0) + w);
  }
  const keys = Uint32Array.from(new Set([...itemWeights.keys(), ...featureWeights.keys()])).sort();
  const r = rng(5);
  const vectors = () => Float32Array.from({ length: keys.length * dims }, () => (r() - 0.5) * 0.2);
  const offsets = new Uint32Array(keys.length + 1);
  const rows = new Uint32Array(keys.length * perItem);
  let entries = 0;
  for (let k = 0; k < keys.length; k++) {
    if (itemWeights.has(keys[k]!)) for (let e = 0; e < perItem; e++) rows[entries++] = Math.floor(r() * keys.length);
    offsets[k + 1] = entries;
  }
  const next = { offsets, rows: rows.slice(0, entries), weights: Float32Array.from({ length: entries }, () => r() * 0.2) };
  const base = createDefaultModel({ dims, unknownFeatures: 'zero', normalize: false, fieldWeights: { id: 1, brand: 1, category: 1, word: 1, price: 1, attr: 1, bias: 0 }, nextItems: { gamma: 1, lambda: 30, recency: 0.3 } });
  return { model: { ...base, version: 'bench-l-1', table: { keys, context: vectors(), target: vectors(), next } }, itemWeights, featureWeights };
}
