import type { WireItem } from '../core/wire.js';
import { FEATURE_FIELDS, itemFeatures, type FeatureField } from './features.js';
import { fmix32, hashString } from './hash.js';
import { findKey, type InterestModel } from './model.js';

export type Role = 'context' | 'target';

/** Non-zeros of a hashed random feature vector (a sparse random projection). */
const SPARSE_NONZEROS = 8;

/**
 * Adds a feature's vector × scale into `out`. A learned vector when the table has the key,
 * else a deterministic sparse random one: random ±1 entries are nearly orthogonal across
 * features, so the dot product of two items approximates their weighted feature overlap.
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
  const amp = scale / Math.sqrt(SPARSE_NONZEROS);
  for (let k = 0; k < SPARSE_NONZEROS; k++) {
    const r = fmix32(hash + Math.imul(k + 1, 0x9e3779b9));
    out[r % dims]! += r & 0x80000000 ? -amp : amp;
  }
}

/**
 * An item's vector: each feature group is averaged (÷√count) and weighted, then the whole
 * is L2-normalised so similarity is a cosine in [-1, 1] (unless `params.normalize` is false:
 * site-trained vectors keep their learned length).
 */
export function itemVector(item: WireItem, model: InterestModel, role: Role, out = new Float32Array(model.params.dims)): Float32Array {
  const features = itemFeatures(item);
  const counts: Partial<Record<FeatureField, number>> = {};
  for (const f of features) counts[f.field] = (counts[f.field] ?? 0) + f.weight * f.weight;
  out.fill(0);
  for (const f of features) {
    // A manifest written before a field existed has no weight for it: the field is off.
    const groupWeight = model.params.fieldWeights[f.field] ?? 0;
    if (groupWeight === 0) continue;
    addFeature(model, hashString(f.key), role, out, (groupWeight * f.weight) / Math.sqrt(counts[f.field]!));
  }
  if (model.params.normalize === false) return out;
  let sq = 0;
  for (let j = 0; j < out.length; j++) sq += out[j]! * out[j]!;
  if (sq > 0) {
    const inv = 1 / Math.sqrt(sq);
    for (let j = 0; j < out.length; j++) out[j]! *= inv;
  }
  return out;
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

export { FEATURE_FIELDS };
