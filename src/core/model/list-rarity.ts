import { RARITY_FIELDS, type FeatureSet } from './item-vector.js';
import type { InterestModel } from './model-types.js';

/**
 * Rarity as it is (power 1). Squaring helps category-only benchmark files a little, but on a real
 * catalogue it shrinks the taxonomy against the titles and prices it does not weigh, and the
 * engine's own tests then put one-brand matches above the clicked category (BENCHMARKS.md ›
 * Zero-training › Sixth session).
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
 * zero-training model only, whose features are all alike a priori (BENCHMARKS.md › Zero-training:
 * what history and attributes alone can do here). A site-trained
 * table has learned each feature's strength instead. Taken from the list itself, so it needs no
 * catalogue statistics and keeps no state.
 */
export function listRarity(candidates: readonly FeatureSet[], power = DEFAULT_RARITY_POWER): (hash: number) => number {
  const df = new Map<number, number>();
  for (const set of candidates) forEachTaxonomyFeature(set, (h) => df.set(h, (df.get(h) ?? 0) + 1));
  const n = candidates.length;
  // Worked out once per feature of the list (a rank asks for each many times); a feature absent
  // from the list has df 0, rarity 1.
  const rarity = new Map<number, number>();
  for (const [h, count] of df) rarity.set(h, rarityCurve(n, count, power));
  return (hash) => rarity.get(hash) ?? 1;
}

/**
 * (ln((n + 1) / (count + 1)) / ln(n + 1))^power: the inverse document frequency of a feature
 * `count` of `n` items carry, scaled into [0, 1]. Shared by list and catalogue rarity
 * (`catalog-rarity.ts`); 1 when there is nothing to count.
 */
export function rarityCurve(n: number, count: number, power: number): number {
  const norm = Math.log(n + 1);
  return norm > 0 ? Math.max(0, Math.log((n + 1) / (count + 1)) / norm) ** power : 1;
}

/**
 * Calls `visit` once for each distinct taxonomy feature (brand, category, attr) of an item. An
 * item that lists a category twice still counts once, else a document frequency could pass the
 * number of items and the rarity go negative. An item has a handful of taxonomy features: a scan
 * back beats a Set per item.
 */
export function forEachTaxonomyFeature(set: FeatureSet, visit: (hash: number) => void): void {
  const { hashes, fields } = set;
  for (let k = 0; k < hashes.length; k++) {
    if (!RARITY_FIELDS.has(fields[k]!)) continue;
    const h = hashes[k]!;
    let repeat = false;
    for (let j = 0; j < k && !repeat; j++) repeat = hashes[j] === h && RARITY_FIELDS.has(fields[j]!);
    if (!repeat) visit(h);
  }
}

/** Rarity weighting is on for a model without a learned table whose params ask for it. */
export function usesListRarity(model: InterestModel): boolean {
  return !model.table && model.params.listRarity !== false;
}
