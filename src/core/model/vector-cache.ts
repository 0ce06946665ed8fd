import type { WireItem } from '../wire/wire.js';
import type { InterestModel } from './model-types.js';
import { composeVector, featureSet, itemKey, type FeatureSet, type Role } from './item-vector.js';

/**
 * Item vectors are pure functions of (model, role, item fields), and the same products come
 * back list after list, so they are cached. A Map keeps insertion order, which makes it a
 * cheap LRU: a hit is re-inserted at the end, the oldest entry is evicted first.
 *
 * Feature sets are cached too: the zero-training model builds its vectors per list from them
 * (`list-coordinates.ts`), and splitting titles is the costly part.
 */
/**
 * Feature sets by item object, across caches: a feature set depends on the item's fields alone
 * (no model, no shopper), and a forget or a model swap starts a new cache for the same shop
 * items. Weak: it holds no item alive, and only a holder of the item object can look it up. An
 * accuracy replay forgets before every shopper and would otherwise split a 12k-item catalogue's
 * titles again each time (and rebuild their per-list forms in `list-coordinates.ts`, cached per set).
 */
const setsByObject = new WeakMap<WireItem, { set: FeatureSet; owner: number }>();
let caches = 0;

export function createVectorCache(model: InterestModel, capacity = 20_000) {
  const cache = new Map<string, Float32Array>();
  const sets = new Map<string, FeatureSet>();
  // Identity memo in front of the keyed LRUs: wire items are fresh copies made by validation and
  // never mutated afterwards, so the same object always has the same vectors. A catalogue
  // reranked again and again (benchmarks, long-lived workers) skips the key building.
  const byObject = new WeakMap<WireItem, Partial<Record<Role, Float32Array>>>();
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

  function memoised(item: WireItem, slot: Role, make: () => Float32Array): Float32Array {
    const memo = byObject.get(item);
    const known = memo?.[slot];
    if (known) return known;
    const value = make();
    if (memo) memo[slot] = value;
    else byObject.set(item, { [slot]: value });
    return value;
  }

  // Items whose feature set another cache made already: adopted without a key (no string built),
  // counted once per cache (the owner stamp) so `size` says what this cache holds.
  const id = ++caches;
  let adopted = 0;
  const features = (item: WireItem): FeatureSet => {
    const shared = setsByObject.get(item);
    if (shared) {
      if (shared.owner !== id) {
        shared.owner = id;
        adopted++;
      }
      return shared.set;
    }
    const set = lru(sets, itemKey(item), () => featureSet(item));
    setsByObject.set(item, { set, owner: id });
    return set;
  };

  return {
    model,
    get(item: WireItem, role: Role): Float32Array {
      return memoised(item, role, () =>
        lru(cache, (sharedRoles ? '' : role) + itemKey(item), () => composeVector(features(item), model, role, new Float32Array(model.params.dims))),
      );
    },
    features,
    /** Items held: their vectors, or feature sets (the zero-training model keeps only these). */
    get size() {
      return Math.max(cache.size, sets.size + adopted);
    },
  };
}

export type VectorCache = ReturnType<typeof createVectorCache>;
