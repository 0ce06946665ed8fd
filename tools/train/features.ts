import type { WireItem } from '../../src/core/wire/wire.js';
import { itemFeatures } from '../../src/core/model/features.js';
import { hashString } from '../../src/core/model/hash.js';
import type { ModelParams } from '../../src/core/model/model-types.js';

/**
 * Each item's vector as the engine builds it (`item-vector.ts`), written as a sparse linear
 * map over table rows: vector(item) = Σ coef · row. The trainer learns the rows; the engine
 * later finds them by the same feature hashes, so training and serving cannot drift apart.
 */
export interface FeatureLayout {
  /** Sorted unique feature hashes: the model table's keys. */
  keys: Uint32Array;
  /** CSR over items: rows rowStart[i]..rowStart[i+1] of `rows`/`coefs`. */
  rowStart: Int32Array;
  rows: Int32Array;
  coefs: Float32Array;
}

export function buildLayout(items: readonly WireItem[], params: ModelParams): FeatureLayout {
  const perItem: Array<Array<[number, number]>> = [];
  const hashes = new Set<number>();
  for (const item of items) {
    const feats = itemFeatures(item);
    const counts = new Map<string, number>();
    for (const f of feats) counts.set(f.field, (counts.get(f.field) ?? 0) + f.weight * f.weight);
    const list: Array<[number, number]> = [];
    for (const f of feats) {
      const g = params.fieldWeights[f.field] ?? 0;
      if (g === 0) continue;
      const h = hashString(f.key);
      hashes.add(h);
      list.push([h, (g * f.weight) / Math.sqrt(counts.get(f.field)!)]);
    }
    perItem.push(list);
  }
  const keys = Uint32Array.from(hashes).sort();
  const rowOf = new Map<number, number>();
  keys.forEach((k, i) => rowOf.set(k, i));
  const rowStart = new Int32Array(items.length + 1);
  let total = 0;
  perItem.forEach((l, i) => {
    rowStart[i] = total;
    total += l.length;
  });
  rowStart[items.length] = total;
  const rows = new Int32Array(total);
  const coefs = new Float32Array(total);
  let k = 0;
  for (const l of perItem) {
    for (const [h, c] of l) {
      rows[k] = rowOf.get(h)!;
      coefs[k] = c;
      k++;
    }
  }
  return { keys, rowStart, rows, coefs };
}

/** out = vector of item i from the table `emb` (rows × dims). */
export function composeVector(layout: FeatureLayout, emb: Float32Array, dims: number, i: number, out: Float32Array, outOffset = 0): void {
  for (let j = 0; j < dims; j++) out[outOffset + j] = 0;
  for (let k = layout.rowStart[i]!; k < layout.rowStart[i + 1]!; k++) {
    const base = layout.rows[k]! * dims;
    const c = layout.coefs[k]!;
    for (let j = 0; j < dims; j++) out[outOffset + j]! += c * emb[base + j]!;
  }
}
