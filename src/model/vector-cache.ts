import type { WireItem } from '../core/wire.js';
import type { InterestModel } from './model.js';
import { composeVector, featureSet, finishWithRarity, fixedPart, itemKey, type FeatureSet, type Role } from './item-vector.js';

/**
 * Item vectors are pure functions of (model, role, item fields), and the same products come
 * back list after list, so they are cached. A Map keeps insertion order, which makes it a
 * cheap LRU: a hit is re-inserted at the end, the oldest entry is evicted first.
 *
 * Vectors weighed by a list's feature rarity (`list-rarity.ts`) depend on the list, so they are
 * finished per rank from a cached part: the item's ids, words and prices (`fixedPart`), to
 * which a rerank adds only the few brand and category features.
 */
interface FeatureEntry {
  set: FeatureSet;
  /** `fixedPart` of the item under this cache's model, made on its first weighed rerank. */
  fixed?: Float32Array;
}

export function createVectorCache(model: InterestModel, capacity = 20_000) {
  const cache = new Map<string, Float32Array>();
  // An item's feature set and, once a rerank weighed it by rarity, its fixed part: one entry, one key.
  const sets = new Map<string, FeatureEntry>();
  // Identity memo in front of the keyed LRUs: wire items are fresh copies made by validation and
  // never mutated afterwards, so the same object always has the same vectors. A catalogue
  // reranked again and again (benchmarks, long-lived workers) skips the key building.
  const byObject = new WeakMap<WireItem, Partial<Record<Role | 'features', Float32Array | FeatureEntry>>>();
  // Without a learned table both roles share one vector: compute and store it once.
  const sharedRoles = !model.table;

  function lru<T>(map: Map<string, T>, key: string, make: () => T): T {
    let value = map.get(key);
    if (value !== undefined) map.delete(key);
    else {
      value = make();
      if (map.size >= capacity) map.delete(map.keys().next().value!);
    }
    map.set(key, value);
    return value;
  }

  function memoised<T extends Float32Array | FeatureEntry>(item: WireItem, slot: Role | 'features', make: () => T): T {
    const memo = byObject.get(item);
    const known = memo?.[slot];
    if (known) return known as T;
    const value = make();
    if (memo) memo[slot] = value;
    else byObject.set(item, { [slot]: value });
    return value;
  }

  const entry = (item: WireItem): FeatureEntry => memoised(item, 'features', () => lru(sets, itemKey(item), () => ({ set: featureSet(item) })));
  const features = (item: WireItem): FeatureSet => entry(item).set;

  return {
    model,
    get(item: WireItem, role: Role): Float32Array {
      return memoised(item, role, () =>
        lru(cache, (sharedRoles ? '' : role) + itemKey(item), () => composeVector(features(item), model, role, new Float32Array(model.params.dims))),
      );
    },
    features,
    /**
     * The item's vector with its taxonomy features scaled by `rarity` (only for a model without a
     * learned table, whose two roles share vectors). Written into `out`; not cached, it depends on the list.
     */
    weighed(item: WireItem, rarity: (hash: number) => number, out: Float32Array): Float32Array {
      const e = entry(item);
      e.fixed ??= fixedPart(e.set, model, 'target', new Float32Array(model.params.dims));
      out.set(e.fixed);
      return finishWithRarity(e.set, model, 'target', out, rarity);
    },
    get size() {
      return cache.size;
    },
  };
}

export type VectorCache = ReturnType<typeof createVectorCache>;
