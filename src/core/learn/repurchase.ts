import type { WireItem } from '../wire/wire.js';
import type { HistoryEntry } from '../model/history.js';
import type { RepurchaseParams } from '../model/model-types.js';
import type { Reason } from '../types.js';
import { itemFeatures } from '../model/features.js';

/**
 * Share of descriptive features (brand, categories, title words) two items must have in common
 * to count as near-duplicates (a size or colour variant). Feature overlap rather than vector
 * cosine: a hashed vector gives an item's own id as much weight as its whole description, so no
 * cosine threshold separates a variant from any same-category item (BENCHMARKS.md › Figures moved from code comments).
 */
export const NEAR_DUPLICATE = 0.7;
/**
 * A category whose learned repurchase rate reaches this is consumable (shampoo, coffee): its
 * purchases may be pushed again. Below it (or unknown) a purchase is a durable good.
 */
export const CONSUMABLE_RATE = 0.15;
/** A demoted item's score becomes min(score, 0) − this: below anything the shopper shows no dislike for. */
export const REPURCHASE_PENALTY = 1;
/** Purchases compared against each candidate, newest first; bounds the cost of a rerank. */
const MAX_PURCHASES = 16;

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Whether the item's category is one people buy again, by the rates the trainer learned from
 * the site's own sequences. The most specific category the table knows decides. With no table
 * (zero-training model) nothing is consumable: there is no data to say so.
 */
export function isConsumable(item: WireItem, repurchase: RepurchaseParams | undefined): boolean {
  const rates = repurchase?.rates;
  if (!rates) return false;
  const cats = item.categories ?? [];
  for (let i = cats.length - 1; i >= 0; i--) {
    const r = rates[norm(cats[i]!)];
    if (typeof r === 'number' && Number.isFinite(r)) return r >= CONSUMABLE_RATE;
  }
  return false;
}

/** What near-duplicate detection compares, worked out once per item. */
interface Descriptors {
  /** Brand, category and title-word keys; ids, prices and attributes (what variants differ in) left out. */
  keys: Set<string>;
  /** The brand as compared (trimmed, lower case), when the item names one. */
  brand: string | undefined;
}

// Wire items are never mutated after validation and the same ones come back list after list.
const descriptorCache = new WeakMap<WireItem, Descriptors>();

function descriptors(item: WireItem): Descriptors {
  let d = descriptorCache.get(item);
  if (!d) {
    const keys = new Set(itemFeatures(item).filter((f) => f.field === 'brand' || f.field === 'category' || f.field === 'word').map((f) => f.key));
    // Normalised here, not per comparison: a 1,000-item list meets up to 16 purchases each.
    d = { keys, brand: item.brand ? norm(item.brand) : undefined };
    descriptorCache.set(item, d);
  }
  return d;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const k of a) if (b.has(k)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Same item, or a near-duplicate of it: same brand (when both name one) and mostly the same description. */
function sameProduct(c: WireItem, cd: Descriptors, p: WireItem, pd: Descriptors): boolean {
  if (c.id === p.id) return true;
  if (cd.brand !== undefined && pd.brand !== undefined && cd.brand !== pd.brand) return false;
  return jaccard(cd.keys, pd.keys) >= NEAR_DUPLICATE;
}

/**
 * A just-bought item, or a near-duplicate of it, is not pushed again unless its category is
 * consumable. Lowers `scores` in place; returns, per candidate, the purchase that demoted it
 * (or undefined), for the reason shown.
 */
export function demoteRepurchases(
  scores: Float32Array,
  candidates: readonly WireItem[],
  history: readonly HistoryEntry[],
  repurchase: RepurchaseParams | undefined,
): Array<HistoryEntry | undefined> {
  const demotedBy = new Array<HistoryEntry | undefined>(candidates.length);
  const bought = history.filter((h) => h.strongest === 'purchase').slice(0, MAX_PURCHASES);
  if (bought.length === 0) return demotedBy;
  const boughtDescriptors = bought.map((h) => descriptors(h.item));
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const cd = descriptors(c);
    const p = bought.findIndex((h, k) => sameProduct(c, cd, h.item, boughtDescriptors[k]!));
    if (p >= 0 && !isConsumable(c, repurchase)) {
      scores[i] = Math.min(scores[i]!, 0) - REPURCHASE_PENALTY;
      demotedBy[i] = bought[p];
    }
  }
  return demotedBy;
}

/** The reason shown on a demoted item. */
export function boughtReason(candidate: WireItem, purchase: HistoryEntry): Reason {
  const same = purchase.item.id === candidate.id;
  const title = purchase.item.title || purchase.item.id;
  return { kind: 'bought', text: same ? 'you bought it already' : `like “${title}”, which you bought`, itemId: purchase.item.id };
}
