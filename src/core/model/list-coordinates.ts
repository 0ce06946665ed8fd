import { featureScale, RARITY_FIELDS, scatterHashed, type FeatureSet } from './item-vector.js';
import type { InterestModel } from './model-types.js';
import { impliedFeatures } from './catalog-rarity.js';
import { featureId, features, MAX_FEATURE_IDS, PRIVATE, scratchFor, type Scratch } from './feature-ids.js';

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
  const nc = candidates.length;
  const items = new Array<Sparse>(nc + history.length);
  const generation = features.generation;
  for (let i = 0; i < nc; i++) items[i] = sparse(candidates[i]!, model);
  for (let i = 0; i < history.length; i++) items[nc + i] = sparse(history[i]!, model);
  // Ids started again part-way (`MAX_FEATURE_IDS`): rebuild the items cached before that.
  if (features.generation !== generation) for (let i = 0; i < items.length; i++) items[i] = sparse(i < nc ? candidates[i]! : history[i - nc]!, model);
  const s = scratchFor(features.size);
  // A feature's value in this call: rarity weighs the taxonomy, asked once per feature and call.
  const rarityOf = (id: number, hash: number): number => {
    let r = s.rarity[id]!;
    if (Number.isNaN(r)) {
      r = s.rarity[id] = rarity!(hash);
      s.rated.push(id);
    }
    return r;
  };
  const valueOf = (item: Sparse, k: number) => (rarity && item.taxonomy[k] ? item.values[k]! * rarityOf(item.ids[k]!, item.hashes[k]!) : item.values[k]!);
  try {
    if (exact) placeShared(items, nc, dims, withinList, valueOf, s);
    const coordinate = s.coordinate;
    const normalize = model.params.normalize !== false;
    cand.fill(0, 0, nc * dims);
    hist.fill(0, 0, history.length * dims);
    const placed: number[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const out = i < nc ? cand.subarray(i * dims, (i + 1) * dims) : hist.subarray((i - nc) * dims, (i - nc + 1) * dims);
      // An item holds each hash once and each own coordinate belongs to one hash, so the squared
      // norm adds up feature by feature; only hashed features make the whole row worth reading.
      let privateSq = 0;
      let placedSq = 0;
      let hashed = false;
      placed.length = 0;
      for (let k = 0; k < item.hashes.length; k++) {
        const value = valueOf(item, k);
        if (value === 0) continue;
        const c = exact ? coordinate[item.ids[k]!]! : -1;
        if (c === PRIVATE) privateSq += value * value;
        else if (c >= 0) {
          out[c]! += value; // += : a hashed feature may have landed here already
          placedSq += value * value;
          placed.push(c);
        } else {
          scatterHashed(item.hashes[k]!, value, out);
          hashed = true;
        }
      }
      if (!normalize) continue;
      let sq = privateSq + placedSq;
      if (hashed) {
        sq = privateSq;
        for (let j = 0; j < dims; j++) sq += out[j]! * out[j]!;
      }
      if (sq <= 0) continue;
      const inv = 1 / Math.sqrt(sq);
      if (hashed) for (let j = 0; j < dims; j++) out[j]! *= inv;
      else for (const c of placed) out[c]! *= inv;
    }
  } finally {
    s.reset();
  }
}

/**
 * Counts who holds what and gives the shared features their coordinates in `s.coordinate`, as
 * `sharedCoordinates` does (same order, same ties), over feature ids in typed arrays instead of
 * maps keyed by hash: a 1,000-item list makes tens of thousands of these lookups per call.
 */
function placeShared(items: readonly Sparse[], nc: number, dims: number, withinList: boolean, valueOf: (item: Sparse, k: number) => number, s: Scratch): void {
  const { onCandidates, onHistory, coordinate } = s;
  for (let i = nc; i < items.length; i++) {
    for (const id of items[i]!.ids) if (onHistory[id]!++ === 0) s.heldByHistory.push(id);
  }
  // First holders first: the order `sharedCoordinates` reads them in.
  const order = s.heldByCandidates;
  for (let i = 0; i < nc; i++) {
    for (const id of items[i]!.ids) if ((withinList || onHistory[id]! > 0) && onCandidates[id]!++ === 0) order.push(id);
  }
  const shared: { id: number; hash: number; both: boolean; count: number; weight: number }[] = [];
  for (const id of order) {
    const c = onCandidates[id]!;
    const h = onHistory[id]!;
    if (c + h >= 2) shared.push({ id, hash: features.hashOf[id]!, both: h > 0, count: c + h, weight: 0 });
  }
  if (shared.length > dims) {
    // Masses of the features on both sides only (the sort reads no others), summed item by item
    // in the same order as before, so the sums are the same floats.
    const { massCandidates, massHistory } = s;
    for (const e of shared) if (e.both) s.massed.push(e.id);
    for (const id of s.massed) massCandidates[id] = massHistory[id] = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const mass = i < nc ? massCandidates : massHistory;
      for (let k = 0; k < item.ids.length; k++) {
        const id = item.ids[k]!;
        if (!Number.isNaN(mass[id]!)) mass[id]! += valueOf(item, k);
      }
    }
    for (const e of shared) if (e.both) e.weight = massCandidates[e.id]! * massHistory[e.id]!;
    shared.sort((a, b) => Number(b.both) - Number(a.both) || b.weight - a.weight || b.count - a.count || a.hash - b.hash);
  }
  for (let k = 0; k < shared.length; k++) {
    coordinate[shared[k]!.id] = k < dims ? k : -1;
    s.placed.push(shared[k]!.id);
  }
}

/** An item's distinct features with non-zero weight under one model (cached: a list comes back again and again). */
interface Sparse {
  /** `features.generation` the ids belong to. */
  generation: number;
  hashes: Uint32Array;
  /** Dense id of each hash (`featureId`). */
  ids: Int32Array;
  values: Float64Array;
  /** Whether list rarity applies to the feature (a taxonomy field). */
  taxonomy: Uint8Array;
}
// Per model: feature sets are shared across caches (`vector-cache.ts`), so two engines on two
// models would otherwise evict each other's entries.
const sparseCaches = new WeakMap<InterestModel, WeakMap<FeatureSet, Sparse>>();

function sparse(set: FeatureSet, model: InterestModel): Sparse {
  let cache = sparseCaches.get(model);
  if (!cache) sparseCaches.set(model, (cache = new WeakMap()));
  const known = cache.get(set);
  if (known && known.generation === features.generation) return known;
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
  // Ids are handed out for good; past the cap they start again (every cached item is then rebuilt).
  if (features.size + byHash.size > MAX_FEATURE_IDS) {
    features.ids.clear();
    features.size = 0;
    features.generation++;
  }
  const entries = [...byHash];
  const out: Sparse = {
    generation: features.generation,
    hashes: Uint32Array.from(entries, ([h]) => h),
    ids: Int32Array.from(entries, ([h]) => featureId(h)),
    values: Float64Array.from(entries, ([, e]) => e.value),
    taxonomy: Uint8Array.from(entries, ([, e]) => (e.taxonomy ? 1 : 0)),
  };
  cache.set(set, out);
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
