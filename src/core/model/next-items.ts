import type { WireItem } from '../wire/wire.js';
import { idFeatureKey } from './features.js';
import { hashString } from './hash.js';
import { findKey, type InterestModel } from './model.js';

/**
 * A site-trained model's "shoppers went on to" lists: for each table row that is an item id, the
 * items the site's shoppers most often moved to within the next few steps, with the share of that
 * item's onward moves each took. CSR over table rows: row r's neighbours are
 * `rows[offsets[r]..offsets[r+1])` (rows of the same table) with `weights` beside them.
 *
 * Why beside the learned vectors: 64 dimensions smooth item-to-item transitions into taste; a
 * short sparse list keeps the sharp ones ("this refill after that device"). Together they rank
 * better than either (BENCHMARKS.md › Ablations › "Shoppers went on to" lists).
 */
export interface NextItems {
  offsets: Uint32Array;
  rows: Uint32Array;
  weights: Float32Array;
}

/** How the lists enter a score: score × (1 + lambda·t)^gamma, t = Σ_k recency^k · weight(h_k → c). */
export interface NextItemParams {
  /** Strength, chosen by the trainer on the validation item (0 = off). */
  gamma: number;
  /** Scale of a transition share before the log: shares are small, so this sets where it saturates. */
  lambda: number;
  /** Multiplier per step back in the shopper's history: the latest item leads. */
  recency: number;
}

/** The row of an item id's feature among a table's sorted `keys`, or -1. */
export const idRowIn = (keys: Uint32Array, id: string): number => findKey(keys, hashString(idFeatureKey(id)));

/** The table row of an item's id feature, or -1. */
export function idRow(model: InterestModel, item: WireItem): number {
  return model.table ? idRowIn(model.table.keys, item.id) : -1;
}

/**
 * Walks the lists of a history's items, newest first: `visit(row, share × recency^k, k)` for each
 * entry of the k-th item's list. A row of -1 (an item the table does not know) has no list but
 * still takes a step. The engine and the trainer's choice of strength both walk it this way, so
 * the strength is chosen for the very factor the engine applies.
 */
export function forEachOnward(next: NextItems, historyRows: ArrayLike<number>, recency: number, visit: (row: number, value: number, k: number) => void): void {
  let step = 1;
  for (let k = 0; k < historyRows.length; k++, step *= recency) {
    const r = historyRows[k]!;
    if (r < 0) continue;
    for (let e = next.offsets[r]!; e < next.offsets[r + 1]!; e++) visit(next.rows[e]!, step * next.weights[e]!, k);
  }
}

/** What the lists did to one candidate: the factor its score was multiplied by, and the history entry whose list gave most of it. */
export interface NextItemLift {
  factor: number;
  /** Index into the history passed in. */
  from: number;
}

/**
 * Multiplies each candidate's score by its transition factor from the history (newest first;
 * entries of negative weight, such as ignored impressions, lead nowhere). A score that is not
 * positive stays as it is: the history counts against that item, and a factor ≥ 1 must not
 * deepen that. Returns the lift per candidate index (for reasons), or undefined where no score
 * changed.
 */
export function applyNextItems(scores: Float32Array, model: InterestModel, history: readonly { item: WireItem; weight: number }[], candidates: readonly WireItem[]): (NextItemLift | undefined)[] | undefined {
  const next = model.table?.next;
  const p = model.params.nextItems;
  if (!next || !p || p.gamma <= 0) return undefined;
  // Per neighbour row: t (summed over the history) and the entry that gave most of it.
  const t = new Map<number, { sum: number; best: number; from: number }>();
  const positive = history.flatMap((h, i) => (h.weight > 0 ? [i] : []));
  forEachOnward(next, positive.map((i) => idRow(model, history[i]!.item)), p.recency, (row, v, k) => {
    const seen = t.get(row);
    if (!seen) t.set(row, { sum: v, best: v, from: positive[k]! });
    else {
      seen.sum += v;
      if (v > seen.best) Object.assign(seen, { best: v, from: positive[k]! });
    }
  });
  if (t.size === 0) return undefined;
  let changed = false;
  const lifts = candidates.map((item, c): NextItemLift | undefined => {
    const v = t.get(idRow(model, item));
    if (v === undefined || !(scores[c]! > 0)) return undefined;
    const factor = Math.pow(1 + p.lambda * v.sum, p.gamma);
    scores[c] = scores[c]! * factor;
    changed = true;
    return { factor, from: v.from };
  });
  return changed ? lifts : undefined;
}
