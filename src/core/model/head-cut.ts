import { HEARTH_ERRORS, hearthError } from '../errors.js';
import { findKey } from './find-key.js';
import { hashString } from './hash.js';
import type { EmbeddingTable, InterestModel, NextItems } from './model-types.js';

/**
 * Head rows: a site-trained table keeps id rows only for the items that carry most of the
 * interactions, and at most a capped number of feature rows, so the file a shopper downloads is
 * bounded whatever the catalogue's size. An item without an id row is composed from its feature
 * rows alone (with `unknownFeatures: 'zero'` a missing row adds nothing), exactly the vector the
 * full model gives it minus its id term.
 */
export interface CutOptions {
  /** Interactions per id row, keyed by the row's hash (`hashString(idFeatureKey(id))`); every other row is a feature row. */
  itemWeights: ReadonlyMap<number, number>;
  /** Importance of feature rows (e.g. interactions of the items carrying them); absent ones count 0. */
  featureWeights?: ReadonlyMap<number, number>;
  /** Bytes of model.bin at most (int8); the most id rows that fit. */
  binBudget?: number;
  /** Id rows at most. */
  headItems?: number;
  /** Feature rows at most, the most important first (bias always); absent: as many as fit in half of `binBudget`. */
  featureRows?: number;
}

/** What the cut kept, written into the manifest (`ModelManifest.cut`). */
export interface CutFacts {
  /** Id rows before the cut and kept. */
  items: number;
  headItems: number;
  /** Feature rows before the cut and kept. */
  features: number;
  featureRows: number;
  /** Share of the counted interactions on kept items. */
  interactionShare: number;
}

const BIAS = hashString('bias');

/** Bytes of an int8 model.bin with `rows` rows and `entries` went-on-to entries. */
export function int8BinBytes(rows: number, dims: number, entries: number | undefined): number {
  return rows * 4 + 2 * rows * (4 + dims) + (entries === undefined ? 0 : (rows + 1) * 4 + entries * 8);
}

/** Row indices ordered by weight (highest first, ties by row so the cut is deterministic). */
function byWeight(rows: number[], weight: (row: number) => number): number[] {
  return rows.map((r) => [r, weight(r)] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([r]) => r);
}

/** Went-on-to entries kept when `kept` rows survive: both ends must. */
function keptEntries(next: NextItems | undefined, kept: Uint8Array): number | undefined {
  if (!next) return undefined;
  let n = 0;
  for (let r = 0; r < kept.length; r++) {
    if (!kept[r]) continue;
    for (let e = next.offsets[r]!; e < next.offsets[r + 1]!; e++) if (kept[next.rows[e]!]) n++;
  }
  return n;
}

/** The largest n in 0..max with fits(n), for a fits that turns false and stays false as n grows. */
function largest(max: number, fits: (n: number) => boolean): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Which rows to keep: capped features first (bias leading), then as many items as the budget allows. */
function plan(table: EmbeddingTable, dims: number, options: CutOptions): { kept: Uint8Array; items: number; features: number } {
  const all = { items: [] as number[], features: [] as number[] };
  for (let r = 0; r < table.keys.length; r++) (options.itemWeights.has(table.keys[r]!) ? all.items : all.features).push(r);
  const items = byWeight(all.items, (r) => options.itemWeights.get(table.keys[r]!) ?? 0);
  const features = byWeight(all.features, (r) => (table.keys[r] === BIAS ? Infinity : (options.featureWeights?.get(table.keys[r]!) ?? 0)));
  const kept = new Uint8Array(table.keys.length);
  const mark = (nFeatures: number, nItems: number) => {
    kept.fill(0);
    for (let k = 0; k < nFeatures; k++) kept[features[k]!] = 1;
    for (let k = 0; k < nItems; k++) kept[items[k]!] = 1;
  };
  const fits = (nFeatures: number, nItems: number, budget = options.binBudget) => {
    if (budget === undefined) return true;
    mark(nFeatures, nItems);
    return int8BinBytes(nFeatures + nItems, dims, keptEntries(table.next, kept)) <= budget;
  };
  // Without an explicit cap, feature rows take at most half the budget: a large title vocabulary must not crowd out every id row.
  const featureBudget = options.featureRows === undefined && options.binBudget !== undefined ? options.binBudget / 2 : options.binBudget;
  const nFeatures = largest(Math.min(features.length, options.featureRows ?? features.length), (n) => fits(n, 0, featureBudget));
  const nItems = largest(Math.min(items.length, options.headItems ?? items.length), (n) => fits(nFeatures, n));
  mark(nFeatures, nItems);
  return { kept, items: nItems, features: nFeatures };
}

/** The table's kept rows, in key order, with went-on-to lists renumbered (entries to dropped rows go). */
function keepRows(table: EmbeddingTable, dims: number, kept: Uint8Array): EmbeddingTable {
  const newRow = new Int32Array(kept.length).fill(-1);
  let count = 0;
  for (let r = 0; r < kept.length; r++) if (kept[r]) newRow[r] = count++;
  const keys = new Uint32Array(count);
  const context = new Float32Array(count * dims);
  const target = new Float32Array(count * dims);
  for (let r = 0; r < kept.length; r++) {
    const n = newRow[r]!;
    if (n < 0) continue;
    keys[n] = table.keys[r]!;
    context.set(table.context.subarray(r * dims, (r + 1) * dims), n * dims);
    target.set(table.target.subarray(r * dims, (r + 1) * dims), n * dims);
  }
  const out: EmbeddingTable = { keys, context, target };
  const next = table.next;
  if (next) {
    const offsets = new Uint32Array(count + 1);
    const rows: number[] = [];
    const weights: number[] = [];
    for (let r = 0; r < kept.length; r++) {
      if (newRow[r]! < 0) continue;
      for (let e = next.offsets[r]!; e < next.offsets[r + 1]!; e++) {
        const to = newRow[next.rows[e]!]!;
        if (to < 0) continue;
        rows.push(to);
        weights.push(next.weights[e]!);
      }
      offsets[newRow[r]! + 1] = rows.length;
    }
    out.next = { offsets, rows: Uint32Array.from(rows), weights: Float32Array.from(weights) };
  }
  return out;
}

/** The model with only its head rows (see `CutOptions`); a new version, so caches do not mix the two. */
export function cutModel(model: InterestModel, options: CutOptions): { model: InterestModel; facts: CutFacts } {
  const table = model.table;
  if (!table) throw hearthError(HEARTH_ERRORS.model, 'model: cut needs a site-trained table');
  // With 'random', an item without its id row would get a random vector instead of its features alone.
  if (model.params.unknownFeatures !== 'zero') throw hearthError(HEARTH_ERRORS.model, "model: cut needs params.unknownFeatures 'zero'");
  const dims = model.params.dims;
  const chosen = plan(table, dims, options);
  let total = 0;
  let kept = 0;
  for (const [key, w] of options.itemWeights) {
    total += w;
    if (chosen.kept[findKey(table.keys, key)] === 1) kept += w;
  }
  const items = countItems(table, options);
  const facts: CutFacts = {
    items,
    headItems: chosen.items,
    features: table.keys.length - items,
    featureRows: chosen.features,
    interactionShare: total > 0 ? kept / total : 1,
  };
  const cut: InterestModel = { ...model, version: `${model.version}-head${chosen.items}f${chosen.features}`, table: keepRows(table, dims, chosen.kept) };
  return { model: cut, facts };
}

function countItems(table: EmbeddingTable, options: CutOptions): number {
  let n = 0;
  for (const k of table.keys) if (options.itemWeights.has(k)) n++;
  return n;
}
