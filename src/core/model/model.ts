import { DEFAULT_PARAMS, type ModelParams } from './params.js';
import type { NextItems } from './next-items.js';
import type { CatalogCounts } from './catalog-rarity.js';

/**
 * Learned feature vectors from a site-trained model. `keys` are feature hashes, sorted, so a
 * lookup is a binary search over a typed array (no Map of thousands of entries to build).
 * `context` vectors describe an item as part of the shopper's history, `target` vectors as a
 * candidate; the two roles let a trained model learn "after X, people want Y".
 */
export interface EmbeddingTable {
  keys: Uint32Array;
  context: Float32Array;
  target: Float32Array;
  /** Where the site's shoppers went next from each item (`next-items.ts`); absent in older models. */
  next?: NextItems;
}

/** A complete interest model: its knobs and, when site-trained, its learned vectors. */
export interface InterestModel {
  /** Changes whenever the vectors or knobs change; caches key on it. */
  version: string;
  params: ModelParams;
  table?: EmbeddingTable;
  /**
   * Feature counts over the shop's whole catalogue (`catalog-rarity.ts`): product-feed
   * statistics, no behaviour. A zero-training model weighs its taxonomy features by them.
   */
  catalog?: CatalogCounts;
}

/** The zero-training model: hashed random feature vectors, default knobs. */
export function createDefaultModel(overrides: Partial<ModelParams> = {}): InterestModel {
  return { version: 'default-1', params: { ...DEFAULT_PARAMS, ...overrides } };
}

/** Index of `key` in the sorted `keys`, or -1. */
export function findKey(keys: Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
