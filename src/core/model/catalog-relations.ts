import { findKey } from './find-key.js';
import type { CatalogRelations } from './model-types.js';

/**
 * Related features kept per feature: more did not help through the engine, fewer lost a little,
 * and 8 keeps model.json to tens of KiB (BENCHMARKS.md › Zero-training › Eighth session: catalogue relations).
 */
export const RELATED_PER_FEATURE = 8;

/**
 * How much of its features' relations an item carries, against 1 for what it holds itself
 * (`ModelParams.relatedWeight`): related, not held, so less; the curve is flat around 0.6
 * (BENCHMARKS.md › Zero-training › Eighth session: catalogue relations).
 */
export const DEFAULT_RELATED_WEIGHT = 0.6;

/** Counts, item by item, how often each pair of distinct features is held by one item. */
export function createPairCounter() {
  const pairs = new Map<number, Map<number, number>>();
  return {
    pairs,
    /** One item's distinct features. */
    add(features: readonly number[]): void {
      for (const f of features) {
        let row = pairs.get(f);
        if (!row) pairs.set(f, (row = new Map<number, number>()));
        for (const g of features) if (g !== f) row.set(g, (row.get(g) ?? 0) + 1);
      }
    },
  };
}

/**
 * Keeps, for each kept feature f, the `perFeature` co-held features g among `keys` that lie most
 * within f: highest P(f | g) = items holding both ÷ items holding g (ties to the smaller hash,
 * so the result does not depend on the order items came in). `counts[k]` is how many items hold
 * `keys[k]`.
 *
 * Why P(f | g) and not the most often co-held g (P(g | f)): those are mostly f's parent
 * categories and the shop's big brands. An item in f holds its parents already, so a relation to
 * them only re-weighs what it has; ranked by P(f | g), the slots go to what lies inside or beside
 * f: its sub-categories, the brands that sell mainly in it, the sibling categories that overlap
 * it (BENCHMARKS.md › Zero-training › Ninth session). The share an implied feature carries stays P(g | f).
 */
export function relateCatalog(pairs: ReadonlyMap<number, ReadonlyMap<number, number>>, keys: Uint32Array, counts: Uint32Array, perFeature = RELATED_PER_FEATURE): CatalogRelations {
  const offsets = new Uint32Array(keys.length + 1);
  const targets: number[] = [];
  const together: number[] = [];
  keys.forEach((h, k) => {
    // Only features the counts kept (`CATALOG_MAX_FEATURES`) can be related to.
    const row = [...(pairs.get(h) ?? [])].map(([g, c]) => [findKey(keys, g), g, c] as const).filter(([at]) => at >= 0);
    // c / counts[g] compared by cross-multiplying: exact in integers, so ties are real ties.
    row.sort((a, b) => b[2] * counts[a[0]]! - a[2] * counts[b[0]]! || a[1] - b[1]);
    for (const [at, , c] of row.slice(0, perFeature)) {
      targets.push(at);
      together.push(c);
    }
    offsets[k + 1] = targets.length;
  });
  return { offsets, targets: Uint32Array.from(targets), together: Uint32Array.from(together) };
}

/**
 * Calls `visit(related, share)` for each related feature of the feature at `k` among `counts`
 * (the catalogue's count of each feature, parallel to its keys): share = P(related | feature).
 */
export function forEachRelated(relations: CatalogRelations, keys: Uint32Array, counts: Uint32Array, k: number, visit: (related: number, share: number) => void): void {
  const held = counts[k]!;
  for (let j = relations.offsets[k]!; j < relations.offsets[k + 1]!; j++) visit(keys[relations.targets[j]!]!, relations.together[j]! / held);
}
