import type { WireItem } from '../core/wire.js';
import type { InterestModel } from './model.js';
import { itemKey, itemVector, type Role } from './item-vector.js';

/**
 * Item vectors are pure functions of (model, role, item fields), and the same products come
 * back list after list, so they are cached. A Map keeps insertion order, which makes it a
 * cheap LRU: a hit is re-inserted at the end, the oldest entry is evicted first.
 */
export function createVectorCache(model: InterestModel, capacity = 20_000) {
  const cache = new Map<string, Float32Array>();
  // Identity memo in front of the keyed LRU: wire items are fresh copies made by validation and
  // never mutated afterwards, so the same object always has the same vectors. A catalogue
  // reranked again and again (benchmarks, long-lived workers) skips the key building.
  const byObject = new WeakMap<WireItem, Partial<Record<Role, Float32Array>>>();
  // Without a learned table both roles share one vector: compute and store it once.
  const sharedRoles = !model.table;
  return {
    model,
    get(item: WireItem, role: Role): Float32Array {
      const memo = byObject.get(item);
      const known = memo?.[role];
      if (known) return known;
      const key = (sharedRoles ? '' : role) + itemKey(item);
      let vec = cache.get(key);
      if (vec) {
        cache.delete(key);
      } else {
        vec = itemVector(item, model, role);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
      }
      cache.set(key, vec);
      if (memo) memo[role] = vec;
      else byObject.set(item, { [role]: vec });
      return vec;
    },
    get size() {
      return cache.size;
    },
  };
}

export type VectorCache = ReturnType<typeof createVectorCache>;
