import type { WireItem } from '../core/wire.js';
import { featureSet, RARITY_FIELDS } from './item-vector.js';
import { createDefaultModel, findKey, type InterestModel } from './model.js';
import type { ModelParams } from './params.js';

/**
 * How many of the shop's items carry each taxonomy feature: statistics of the product feed
 * alone, no shopper's behaviour, so a brand-new shop can ship them (`npm run train --
 * --catalog-only`) and still be running the zero-training model.
 *
 * Why: list rarity (`list-rarity.ts`) estimates a feature's frequency from the ~100 items of
 * one list, where every feature held by one or two of them looks equally rare. A leaf category
 * of 20 products and one of 600 are then alike, though a match on the first says far more.
 * Counted over the whole catalogue, rarity tells them apart: on the validation item, all users,
 * through the engine, sampled HR@10 / NDCG@10 went 0.4017 / 0.2422 → 0.4118 / 0.2687 on Beauty
 * and 0.4180 / 0.2414 → 0.4198 / 0.2526 on Sports (BENCHMARKS.md › Accuracy › catalogue counts).
 */
export interface CatalogCounts {
  /** Items counted. */
  items: number;
  /** Feature hashes, sorted ascending, unique. */
  keys: Uint32Array;
  /** How many items carry `keys[k]` (each item once per feature). */
  counts: Uint32Array;
}

/** Squared: chosen on the validation item in a Python replica (Beauty HR@10 0.4104 at power 1, 0.4121 at 2; Sports 0.4218 at 1.5, 0.4211 at 2). */
export const CATALOG_RARITY_POWER = 2;

/** A page-sized cap on the features kept: past it the rarest are dropped, and a missing feature counts as held by one item. */
export const CATALOG_MAX_FEATURES = 100_000;

/** Counts each item's distinct taxonomy features (brand, category, attr) over a whole catalogue. */
export function countCatalog(items: Iterable<WireItem>, maxFeatures = CATALOG_MAX_FEATURES): CatalogCounts {
  const df = new Map<number, number>();
  let n = 0;
  const seen = new Set<number>();
  for (const item of items) {
    n++;
    const set = featureSet(item);
    seen.clear();
    for (let k = 0; k < set.hashes.length; k++) {
      const h = set.hashes[k]!;
      if (!RARITY_FIELDS.has(set.fields[k]!) || seen.has(h)) continue;
      seen.add(h);
      df.set(h, (df.get(h) ?? 0) + 1);
    }
  }
  let entries = [...df];
  if (entries.length > maxFeatures) entries = entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, maxFeatures);
  entries.sort((a, b) => a[0] - b[0]);
  return { items: n, keys: Uint32Array.from(entries, ([h]) => h), counts: Uint32Array.from(entries, ([, c]) => c) };
}

/**
 * The zero-training model with the catalogue's counts: what `npm run train -- --catalog-only`
 * writes. Its version names the counts (items, features, a checksum), so a changed catalogue is
 * a new model to every cache.
 */
export function createCatalogModel(items: Iterable<WireItem>, overrides: Partial<ModelParams> = {}): InterestModel {
  const catalog = countCatalog(items);
  let sum = 0;
  for (let k = 0; k < catalog.keys.length; k++) sum = (Math.imul(sum, 31) + catalog.keys[k]! + catalog.counts[k]!) >>> 0;
  const base = createDefaultModel(overrides);
  return { ...base, version: `${base.version}+catalog-${catalog.items}-${catalog.keys.length}-${sum.toString(36)}`, catalog };
}

/**
 * Catalogue rarity of a feature, in [0, 1]: (ln((N + 1) / (df + 1)) / ln(N + 1))^power, the
 * same curve as list rarity over N catalogue items. A feature the catalogue does not list (a
 * product added since, or one cut by `CATALOG_MAX_FEATURES`) counts as held by one item.
 * Memoised per feature: a rank asks for each many times.
 */
export function catalogRarity(catalog: CatalogCounts, power = CATALOG_RARITY_POWER): (hash: number) => number {
  const { keys, counts } = catalog;
  const norm = Math.log(catalog.items + 1);
  const memo = new Map<number, number>();
  return (hash) => {
    let r = memo.get(hash);
    if (r === undefined) {
      const k = findKey(keys, hash);
      const count = k >= 0 ? counts[k]! : 1;
      r = norm > 0 ? Math.max(0, Math.log((catalog.items + 1) / (count + 1)) / norm) ** power : 1;
      memo.set(hash, r);
    }
    return r;
  };
}

