/**
 * Working state of `list-coordinates.ts`, kept apart from its maths: dense ids for feature hashes
 * (handed out once per feature, for as long as the worker lives) and the per-call arrays indexed
 * by them. One rank call counts tens of thousands of (item, feature) pairs; typed arrays indexed
 * by id do that without a Map lookup per pair.
 */

/** `coordinate` of a feature that no other item of the call holds: it counts in its item's norm only. */
export const PRIVATE = -2;

/** Dense small ids for feature hashes, so per-call counts live in typed arrays. */
export const MAX_FEATURE_IDS = 1 << 20;
export const features = { ids: new Map<number, number>(), hashOf: new Uint32Array(1024), size: 0, generation: 0 };

export function featureId(hash: number): number {
  let id = features.ids.get(hash);
  if (id === undefined) {
    id = features.size++;
    features.ids.set(hash, id);
    if (id >= features.hashOf.length) {
      const grown = new Uint32Array(features.hashOf.length * 2);
      grown.set(features.hashOf);
      features.hashOf = grown;
    }
    features.hashOf[id] = hash;
  }
  return id;
}

export interface Scratch {
  onCandidates: Int32Array;
  onHistory: Int32Array;
  coordinate: Int32Array;
  rarity: Float64Array;
  massCandidates: Float64Array;
  massHistory: Float64Array;
  heldByCandidates: number[];
  heldByHistory: number[];
  placed: number[];
  rated: number[];
  massed: number[];
  reset(): void;
}
let scratch: Scratch | undefined;

/** The call's working arrays (one set, reused: a call runs to its end without yielding), all reset after use. */
export function scratchFor(size: number): Scratch {
  if (scratch && scratch.onCandidates.length >= size) return scratch;
  const length = Math.max(1024, 2 ** Math.ceil(Math.log2(size + 1)));
  const s: Scratch = {
    onCandidates: new Int32Array(length),
    onHistory: new Int32Array(length),
    coordinate: new Int32Array(length).fill(PRIVATE),
    rarity: new Float64Array(length).fill(NaN),
    massCandidates: new Float64Array(length).fill(NaN),
    massHistory: new Float64Array(length).fill(NaN),
    heldByCandidates: [],
    heldByHistory: [],
    placed: [],
    rated: [],
    massed: [],
    reset() {
      for (const id of s.heldByCandidates) s.onCandidates[id] = 0;
      for (const id of s.heldByHistory) s.onHistory[id] = 0;
      for (const id of s.placed) s.coordinate[id] = PRIVATE;
      for (const id of s.rated) s.rarity[id] = NaN;
      for (const id of s.massed) s.massCandidates[id] = s.massHistory[id] = NaN;
      s.heldByCandidates.length = s.heldByHistory.length = s.placed.length = s.rated.length = s.massed.length = 0;
    },
  };
  return (scratch = s);
}

