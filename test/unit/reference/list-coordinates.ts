/**
 * The list-coordinates code as it was before its per-call maps became typed arrays (2026-12-04):
 * the straightforward reference that `model-list-coordinates-reference.test.ts` holds the
 * optimised `src/core/model/list-coordinates.ts` to, bit for bit.
 */
import { featureScale, RARITY_FIELDS, scatterHashed, type FeatureSet } from '../../../src/core/model/item-vector.js';
import type { InterestModel } from '../../../src/core/model/model-types.js';
import { impliedFeatures } from '../../../src/core/model/catalog-rarity.js';

/**
 * The zero-training model's vectors for one rank call, with exact feature overlap.
 *
 * Hashed random feature vectors (`item-vector.ts`) make two items' dot product their weighted
 * overlap plus noise of ~1/√dims for every pair of features they hold, noise that costs accuracy
 * at 128 dims (BENCHMARKS.md › Zero-training › Sixth session). Yet within one call only a few
 * dozen features are held by two or more of the items involved (candidates and history). So each of those gets
 * a coordinate of its own, and every other feature, which can only lengthen its item's vector,
 * counts in the item's norm alone. Dot products are then exact cosines, on every backend, at the
 * same width. Past `dims` shared features (long titles, thousand-item lists) the rest fall back
 * to hashed coordinates: the old approximation, for the least shared features only.
 *
 * `rarity` (`list-rarity.ts`), when given, scales each taxonomy feature first.
 *
 * Options: `withinList` also gives coordinates to features only candidates share, so candidate ×
 * candidate dot products are exact too (the diversity knob compares candidates); without it,
 * only what the candidates share with the history is placed, which keeps a 1,000-item list with
 * long titles cheap (no counting of every candidate feature, no overflow). `exact` false hashes
 * every feature, as in an item's own vector (the ablation of this file).
 */
export interface ListCoordinateOptions {
  exact?: boolean;
  withinList?: boolean;
}

export function listCoordinates(
  candidates: readonly FeatureSet[],
  history: readonly FeatureSet[],
  model: InterestModel,
  rarity: ((hash: number) => number) | undefined,
  cand: Float32Array,
  hist: Float32Array,
  { exact = true, withinList = false }: ListCoordinateOptions = {},
): void {
  const dims = model.params.dims;
  const items = [...candidates, ...history].map((set) => sparse(set, model));
  // A feature's value in this call: rarity weighs the taxonomy (read where needed, not stored:
  // only overflowing lists read it twice).
  const valueOf = (item: Sparse, k: number) => (rarity && item.taxonomy[k] ? item.values[k]! * rarity(item.hashes[k]!) : item.values[k]!);
  const onCandidates = new Map<number, number>();
  const onHistory = new Map<number, number>();
  for (let i = candidates.length; i < items.length; i++) for (const hash of items[i]!.hashes) onHistory.set(hash, (onHistory.get(hash) ?? 0) + 1);
  for (let i = 0; i < candidates.length; i++) {
    for (const hash of items[i]!.hashes) if (withinList || onHistory.has(hash)) onCandidates.set(hash, (onCandidates.get(hash) ?? 0) + 1);
  }
  // Masses only when the shared features overflow `dims` (they order the overflow).
  const masses = (): SideMasses => {
    const sum = (from: number, to: number) => {
      const mass = new Map<number, number>();
      for (let i = from; i < to; i++) items[i]!.hashes.forEach((hash, k) => mass.set(hash, (mass.get(hash) ?? 0) + valueOf(items[i]!, k)));
      return mass;
    };
    return { candidates: sum(0, candidates.length), history: sum(candidates.length, items.length) };
  };
  const coordinate = exact ? sharedCoordinates(onCandidates, onHistory, dims, masses) : undefined;
  const normalize = model.params.normalize !== false;
  cand.fill(0, 0, candidates.length * dims);
  hist.fill(0, 0, history.length * dims);
  const placed: number[] = [];
  items.forEach((item, i) => {
    const out = i < candidates.length ? cand.subarray(i * dims, (i + 1) * dims) : hist.subarray((i - candidates.length) * dims, (i - candidates.length + 1) * dims);
    // An item holds each hash once and each own coordinate belongs to one hash, so the squared
    // norm adds up feature by feature; only hashed features make the whole row worth reading.
    let privateSq = 0;
    let placedSq = 0;
    let hashed = false;
    placed.length = 0;
    for (let k = 0; k < item.hashes.length; k++) {
      const hash = item.hashes[k]!;
      const value = valueOf(item, k);
      if (value === 0) continue;
      const c = coordinate ? coordinate.get(hash) : -1;
      if (c === undefined) privateSq += value * value;
      else if (c >= 0) {
        out[c]! += value; // += : a hashed feature may have landed here already
        placedSq += value * value;
        placed.push(c);
      } else {
        scatterHashed(hash, value, out);
        hashed = true;
      }
    }
    if (!normalize) return;
    let sq = privateSq + placedSq;
    if (hashed) {
      sq = privateSq;
      for (let j = 0; j < dims; j++) sq += out[j]! * out[j]!;
    }
    if (sq <= 0) return;
    const inv = 1 / Math.sqrt(sq);
    if (hashed) for (let j = 0; j < dims; j++) out[j]! *= inv;
    else for (const c of placed) out[c]! *= inv;
  });
}

/** An item's distinct features with non-zero weight under one model (cached: a list comes back again and again). */
interface Sparse {
  model: InterestModel;
  hashes: Uint32Array;
  values: Float64Array;
  /** Whether list rarity applies to the feature (a taxonomy field). */
  taxonomy: Uint8Array;
}
const sparseCache = new WeakMap<FeatureSet, Sparse>();

function sparse(set: FeatureSet, model: InterestModel): Sparse {
  const known = sparseCache.get(set);
  if (known?.model === model) return known;
  const byHash = new Map<number, { value: number; taxonomy: boolean }>();
  // A hash listed twice (a category given twice), or held and implied, adds up.
  const add = (hash: number, value: number, taxonomy: boolean) => {
    const seen = byHash.get(hash);
    if (seen) seen.value += value;
    else byHash.set(hash, { value, taxonomy });
  };
  for (let k = 0; k < set.hashes.length; k++) {
    const value = featureScale(set, k, model);
    if (value !== 0) add(set.hashes[k]!, value, RARITY_FIELDS.has(set.fields[k]!));
  }
  // Features the catalogue says go with the item's own (`catalog-relations.ts`), weighed later
  // like held taxonomy features. From the held values as they were, so nothing implies from what
  // another feature implied.
  const implied = impliedFeatures(model);
  if (implied) {
    const held = [...byHash].filter(([, e]) => e.taxonomy).map(([hash, e]) => [hash, e.value] as const);
    for (const [hash, value] of held) implied(hash, value, (g, v) => add(g, v, true));
  }
  const entries = [...byHash];
  const out: Sparse = {
    model,
    hashes: Uint32Array.from(entries, ([h]) => h),
    values: Float64Array.from(entries, ([, e]) => e.value),
    taxonomy: Uint8Array.from(entries, ([, e]) => (e.taxonomy ? 1 : 0)),
  };
  sparseCache.set(set, out);
  return out;
}

/** Σ of each feature's weighted values (list × catalogue rarity applied) over the candidates, and over the history. */
export interface SideMasses {
  candidates: ReadonlyMap<number, number>;
  history: ReadonlyMap<number, number>;
}

/**
 * Coordinates of the features two or more items hold, a candidate among them (a feature only
 * history items share enters no candidate's score), from how many candidates and history items
 * hold each: its own (0..dims-1) for the first `dims`,
 * -1 (hashed) for the rest; features absent from the map are held by one item only. First come
 * those on both sides (they decide the scores), heaviest first: by the product of what the
 * candidates and the history hold of them, which is what they add to all candidate × history dot
 * products together before normalising. Then those shared within one side (they decide the
 * diversity knob's similarities), by how many items hold them.
 *
 * Heaviest, not most widely held: with catalogue relations a list can share far more than `dims`
 * features with a long history, most of them implied at a small weight and held by many items;
 * ordered by count, a brand that one candidate and one history item hold outright lost its
 * coordinate to them and was hashed. Heaviest first does as well as doubling `dims`, at no cost in
 * width (BENCHMARKS.md › Zero-training › Ninth session).
 */
export function sharedCoordinates(onCandidates: ReadonlyMap<number, number>, onHistory: ReadonlyMap<number, number>, dims: number, masses: () => SideMasses): Map<number, number> {
  const shared: { hash: number; both: boolean; count: number; weight: number }[] = [];
  for (const [hash, c] of onCandidates) {
    const h = onHistory.get(hash) ?? 0;
    if (c + h >= 2) shared.push({ hash, both: h > 0, count: c + h, weight: 0 });
  }
  if (shared.length > dims) {
    const mass = masses();
    for (const s of shared) if (s.both) s.weight = (mass.candidates.get(s.hash) ?? 0) * (mass.history.get(s.hash) ?? 0);
    shared.sort((a, b) => Number(b.both) - Number(a.both) || b.weight - a.weight || b.count - a.count || a.hash - b.hash);
  }
  return new Map(shared.map((s, k) => [s.hash, k < dims ? k : -1]));
}

/** Exact overlap is on for a model without a learned table unless its params switch it off. */
export function usesExactOverlap(model: InterestModel): boolean {
  return !model.table && model.params.exactOverlap !== false;
}
