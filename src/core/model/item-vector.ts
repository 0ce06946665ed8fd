import type { WireItem } from '../wire/wire.js';
import { itemFeatures } from './features.js';
import type { FeatureField } from './model-types.js';
import { fmix32, hashString } from './hash.js';
import { findKey } from './find-key.js';
import type { InterestModel } from './model-types.js';

export type Role = 'context' | 'target';

/** Non-zeros of a hashed random feature vector (a sparse random projection). */
const SPARSE_NONZEROS = 8;

/**
 * Adds a feature's vector × scale into `out`. A learned vector when the table has the key,
 * else a deterministic sparse random one (`scatterHashed`).
 */
function addFeature(model: InterestModel, hash: number, role: Role, out: Float32Array, scale: number): void {
  const dims = out.length;
  const table = model.table;
  if (table) {
    const row = findKey(table.keys, hash);
    if (row >= 0) {
      const src = role === 'context' ? table.context : table.target;
      const base = row * dims;
      for (let j = 0; j < dims; j++) out[j]! += scale * src[base + j]!;
      return;
    }
    if (model.params.unknownFeatures === 'zero') return;
  }
  scatterHashed(hash, scale, out);
}

/**
 * Adds a feature's hashed random vector × scale into `out`: random ±1 entries at a few places,
 * nearly orthogonal across features, so the dot product of two items approximates their
 * weighted feature overlap (with noise ~1/√dims per pair of features: `list-coordinates.ts`
 * removes it where it matters).
 */
export function scatterHashed(hash: number, scale: number, out: Float32Array): void {
  const dims = out.length;
  const amp = scale / Math.sqrt(SPARSE_NONZEROS);
  for (let k = 0; k < SPARSE_NONZEROS; k++) {
    const r = fmix32(hash + Math.imul(k + 1, 0x9e3779b9));
    out[r % dims]! += r & 0x80000000 ? -amp : amp;
  }
}

/** The k-th feature's weight in its item's vector: group weight × its weight ÷ √(group's Σ weight²); 0 when its field is off. */
export function featureScale(set: FeatureSet, k: number, model: InterestModel): number {
  const field = set.fields[k]!;
  // A manifest written before a field existed has no weight for it: the field is off.
  const groupWeight = model.params.fieldWeights[field] ?? 0;
  return groupWeight === 0 ? 0 : (groupWeight * set.weights[k]!) / Math.sqrt(set.groupNorms[field]!);
}

/**
 * The catalogue's taxonomy: fields that whole lists share (a category page, a brand's search),
 * whose weight list rarity adjusts. Not ids (unique by construction), title words (a model
 * number unique to one item would then outweigh every shared word) or price bands (ordinal).
 */
export const RARITY_FIELDS: ReadonlySet<FeatureField> = new Set(['brand', 'category', 'attr']);

/** An item's features with their hashes, ready to compose into a vector (cached per item: titles are costly to split). */
export interface FeatureSet {
  hashes: Uint32Array;
  fields: FeatureField[];
  /** Each feature's weight inside its group (from `itemFeatures`). */
  weights: Float32Array;
  /** Σ weight² per group: the group is averaged ÷√ of this. */
  groupNorms: Partial<Record<FeatureField, number>>;
}

export function featureSet(item: WireItem): FeatureSet {
  const features = itemFeatures(item);
  const groupNorms: Partial<Record<FeatureField, number>> = {};
  for (const f of features) groupNorms[f.field] = (groupNorms[f.field] ?? 0) + f.weight * f.weight;
  return {
    hashes: Uint32Array.from(features, (f) => hashString(f.key)),
    fields: features.map((f) => f.field),
    weights: Float32Array.from(features, (f) => f.weight),
    groupNorms,
  };
}

/**
 * An item's vector: each feature group is averaged (÷√count) and weighted, then the whole
 * is L2-normalised so similarity is a cosine in [-1, 1] (unless `params.normalize` is false:
 * site-trained vectors keep their learned length).
 */
export function composeVector(set: FeatureSet, model: InterestModel, role: Role, out: Float32Array): Float32Array {
  out.fill(0);
  for (let k = 0; k < set.hashes.length; k++) {
    const scale = featureScale(set, k, model);
    if (scale !== 0) addFeature(model, set.hashes[k]!, role, out, scale);
  }
  return model.params.normalize === false ? out : normalise(out);
}

function normalise(out: Float32Array): Float32Array {
  let sq = 0;
  for (let j = 0; j < out.length; j++) sq += out[j]! * out[j]!;
  if (sq > 0) {
    const inv = 1 / Math.sqrt(sq);
    for (let j = 0; j < out.length; j++) out[j]! *= inv;
  }
  return out;
}

export function itemVector(item: WireItem, model: InterestModel, role: Role, out = new Float32Array(model.params.dims)): Float32Array {
  return composeVector(featureSet(item), model, role, out);
}

/** A cache key that changes when any feature-bearing field of the item changes. */
export function itemKey(item: WireItem): string {
  // Plain concatenation with control-character separators: several times cheaper than
  // JSON.stringify on a 1,000-item list. Two items collide only if their fields themselves hold
  // these separators, and then share a cached vector: harmless.
  let key = `${item.id}\u0001${item.title ?? ''}\u0001${item.brand ?? ''}\u0001${item.price ?? ''}\u0001`;
  if (item.categories) key += item.categories.join('\u0002');
  if (item.attrs) key += `\u0001${JSON.stringify(item.attrs)}`;
  return key;
}

