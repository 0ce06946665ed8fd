import { RARITY_FIELDS, type FeatureSet } from './item-vector.js';
import type { InterestModel } from './model.js';
import { catalogRarity, type CatalogCounts } from './catalog-rarity.js';

/**
 * Rarity as it is (power 1) by default. Squaring it helped Beauty's validation item a little with
 * exact overlap (`list-coordinates.ts`; HR@10 0.4017 → 0.4071, Sports level at 0.4180 → 0.4179),
 * but those files carry categories only: on a catalogue with titles, brands and prices it shrinks
 * the taxonomy against the words and prices, which it does not weigh, and the shopper's clicked
 * category lost places to one-brand matches in the engine's own tests. Over hashed vectors it
 * had cost 0.018.
 */
export const DEFAULT_RARITY_POWER = 1;

/**
 * How much a feature can tell the candidates of one list apart: an inverse document frequency
 * over that list, scaled into [0, 1]:
 *   rarity(f) = (ln((n + 1) / (df(f) + 1)) / ln(n + 1))^power
 * where n is the list's length and df(f) how many of its items carry f. A feature every
 * candidate shares (the category of a category page, a brand's own search) says nothing about
 * which of them this shopper wants, so it weighs ~0 on both sides of the similarity; a feature
 * one candidate has weighs ~1; features of history items absent from the list weigh 1.
 * (`power` sharpens the contrast: `DEFAULT_RARITY_POWER`.)
 *
 * Applied to the taxonomy fields only (brand, category, attr: see `item-vector.ts`), by the
 * zero-training model only, whose features are all alike a priori: on Beauty's validation item
 * it lifted sampled HR@10 from 0.3638 to 0.3864 (BENCHMARKS.md › Accuracy). A site-trained
 * table has learned each feature's strength instead. Taken from the list itself, so it needs no
 * catalogue statistics and keeps no state.
 */
export function listRarity(candidates: readonly FeatureSet[], power = DEFAULT_RARITY_POWER): (hash: number) => number {
  const df = new Map<number, number>();
  for (const set of candidates) {
    const { hashes, fields } = set;
    for (let k = 0; k < hashes.length; k++) {
      if (!RARITY_FIELDS.has(fields[k]!)) continue;
      // Distinct per item: an item that lists a category twice still counts once (else df could
      // pass n and the rarity go negative). An item has a handful of taxonomy features: a scan
      // back beats a Set per item.
      const h = hashes[k]!;
      let repeat = false;
      for (let j = 0; j < k && !repeat; j++) repeat = hashes[j] === h && RARITY_FIELDS.has(fields[j]!);
      if (!repeat) df.set(h, (df.get(h) ?? 0) + 1);
    }
  }
  const n = candidates.length;
  const norm = Math.log(n + 1);
  // Worked out once per feature of the list (a rank asks for each many times); a feature absent
  // from the list has df 0, rarity 1.
  const rarity = new Map<number, number>();
  for (const [h, count] of df) rarity.set(h, (Math.log((n + 1) / (count + 1)) / norm) ** power);
  return (hash) => rarity.get(hash) ?? 1;
}

/** Rarity weighting is on for a model without a learned table whose params ask for it. */
export function usesListRarity(model: InterestModel): boolean {
  return !model.table && model.params.listRarity !== false;
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
 * times, when the model carries catalogue counts, catalogue rarity (`catalog-rarity.ts`).
 * Both, because they answer different questions on a real page: the catalogue says how much a
 * match on the feature means at all, the list whether it tells this page's items apart (the
 * category of a category page does not, however rare it is in the catalogue). On the
 * benchmark's random lists the product measured level with catalogue rarity alone (validation
 * HR@10 0.4118 vs 0.4119 on Beauty, 0.4198 vs 0.4206 on Sports). Undefined: no weighting (a
 * learned table, or both switched off).
 */
export function taxonomyRarity(model: InterestModel, candidates: readonly FeatureSet[]): ((hash: number) => number) | undefined {
  if (model.table) return undefined;
  const list = usesListRarity(model) ? listRarity(candidates, model.params.rarityPower) : undefined;
  const catalog = model.catalog ? catalogRarityOf(model.catalog) : undefined;
  if (list && catalog) return (hash) => list(hash) * catalog(hash);
  return list ?? catalog;
}
