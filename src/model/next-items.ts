import type { WireItem } from '../core/wire.js';
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
 * short sparse list keeps the sharp ones ("this refill after that device"). On Beauty's validation
 * item the two together ranked better than either (BENCHMARKS › Ablations).
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
  let step = 1;
  history.forEach((h, i) => {
    if (h.weight <= 0) return;
    const r = idRow(model, h.item);
    if (r >= 0) {
      for (let k = next.offsets[r]!; k < next.offsets[r + 1]!; k++) {
        const v = step * next.weights[k]!;
        const seen = t.get(next.rows[k]!);
        if (!seen) t.set(next.rows[k]!, { sum: v, best: v, from: i });
        else {
          seen.sum += v;
          if (v > seen.best) Object.assign(seen, { best: v, from: i });
        }
      }
    }
    step *= p.recency;
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
