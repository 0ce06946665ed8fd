import type { WireItem } from '../wire/wire.js';
import { featureSet, type FeatureSet } from './item-vector.js';
import { forEachTaxonomyFeature, listRarity, rarityCurve, usesListRarity } from './list-rarity.js';
import { createPairCounter, DEFAULT_RELATED_WEIGHT, forEachRelated, relateCatalog, RELATED_PER_FEATURE } from './catalog-relations.js';
import { createDefaultModel } from './model.js';
import { findKey } from './find-key.js';
import type { CatalogCounts, InterestModel, ModelParams } from './model-types.js';

/** Squared: a sharper contrast between small and large brands/categories (BENCHMARKS.md › Zero-training › Seventh session: catalogue counts). */
export const CATALOG_RARITY_POWER = 2;

/** A page-sized cap on the features kept: past it the rarest are dropped, and a missing feature counts as held by one item. */
export const CATALOG_MAX_FEATURES = 100_000;

/**
 * Counts each item's distinct taxonomy features (brand, category, attr) over a whole catalogue,
 * and which of them are held together (`catalog-relations.ts`).
 */
export function countCatalog(items: Iterable<WireItem>, maxFeatures = CATALOG_MAX_FEATURES, relatedPerFeature = RELATED_PER_FEATURE): CatalogCounts {
  const df = new Map<number, number>();
  const pairs = createPairCounter();
  const held: number[] = [];
  let n = 0;
  for (const item of items) {
    n++;
    held.length = 0;
    forEachTaxonomyFeature(featureSet(item), (h) => {
      df.set(h, (df.get(h) ?? 0) + 1);
      held.push(h);
    });
    pairs.add(held);
  }
  let entries = [...df];
  if (entries.length > maxFeatures) entries = entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, maxFeatures);
  entries.sort((a, b) => a[0] - b[0]);
  const keys = Uint32Array.from(entries, ([h]) => h);
  const counts = Uint32Array.from(entries, ([, c]) => c);
  return { items: n, keys, counts, related: relateCatalog(pairs.pairs, keys, counts, relatedPerFeature) };
}

/**
 * The zero-training model with the catalogue's counts: what `npm run train -- --catalog-only`
 * writes. Its version names the counts (items, features, a checksum), so a changed catalogue is
 * a new model to every cache.
 */
export function createCatalogModel(items: Iterable<WireItem>, overrides: Partial<ModelParams> = {}): InterestModel {
  const catalog = countCatalog(items);
  let sum = 0;
  const mix = (values: Uint32Array) => values.forEach((v) => (sum = (Math.imul(sum, 31) + v) >>> 0));
  mix(catalog.keys);
  mix(catalog.counts);
  if (catalog.related) for (const part of [catalog.related.offsets, catalog.related.targets, catalog.related.together]) mix(part);
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
  const { items, keys, counts } = catalog;
  const memo = new Map<number, number>();
  return (hash) => {
    let r = memo.get(hash);
    if (r === undefined) {
      const k = findKey(keys, hash);
      r = rarityCurve(items, k >= 0 ? counts[k]! : 1, power);
      memo.set(hash, r);
    }
    return r;
  };
}

// One memoised lookup per model's counts, so a feature's catalogue rarity is worked out once per
// worker rather than once per rank call.
const catalogLookups = new WeakMap<CatalogCounts, (hash: number) => number>();
function catalogRarityOf(counts: CatalogCounts): (hash: number) => number {
  let lookup = catalogLookups.get(counts);
  if (!lookup) catalogLookups.set(counts, (lookup = catalogRarity(counts)));
  return lookup;
}

/**
 * The weight of each taxonomy feature for one rank call of a zero-training model: list rarity
 * times, when the model carries catalogue counts, catalogue rarity (above).
 * Both, because they answer different questions on a real page: the catalogue says how much a
 * match on the feature means at all, the list whether it tells this page's items apart (the
 * category of a category page does not, however rare it is in the catalogue). On the benchmark's
 * random lists the product costs nothing measurable (BENCHMARKS.md › Zero-training › Seventh
 * session: catalogue counts). Undefined: no weighting (a
 * learned table, or both switched off).
 */
export function taxonomyRarity(model: InterestModel, candidates: readonly FeatureSet[]): ((hash: number) => number) | undefined {
  if (model.table) return undefined;
  const list = usesListRarity(model) ? listRarity(candidates, model.params.rarityPower) : undefined;
  const catalog = model.catalog ? catalogRarityOf(model.catalog) : undefined;
  if (list && catalog) return (hash) => list(hash) * catalog(hash);
  return list ?? catalog;
}

/**
 * The features an item implicitly carries under a zero-training model whose catalogue counts
 * list relations (`catalog-relations.ts`): `visit(related, value)` for each feature related to one
 * it holds at `value`, with value × relatedWeight × the held feature's catalogue rarity × P(related
 * | held). The held feature's catalogue rarity, so that what every product carries implies little;
 * the related feature is then weighed like one the item holds (list × catalogue rarity, in
 * `list-coordinates.ts`). Undefined: nothing implied (no relations, weight 0, or a learned table).
 */
export function impliedFeatures(model: InterestModel): ((hash: number, value: number, visit: (related: number, value: number) => void) => void) | undefined {
  const catalog = model.catalog;
  const weight = model.params.relatedWeight ?? DEFAULT_RELATED_WEIGHT;
  if (model.table || !catalog?.related || !(weight > 0)) return undefined;
  const { keys, counts, related } = catalog;
  const rarity = catalogRarityOf(catalog);
  return (hash, value, visit) => {
    const k = findKey(keys, hash);
    if (k < 0) return;
    const scale = value * weight * rarity(hash);
    if (scale !== 0) forEachRelated(related, keys, counts, k, (g, share) => visit(g, scale * share));
  };
}
