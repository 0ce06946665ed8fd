import type { WireItem } from '../wire/wire.js';
import type { HistoryEntry } from '../model/history.js';
import type { Reason } from '../types.js';

/** What the shopper did to `what`, as a phrase: "you added “X” to your cart", not "you added to your cart “X”". */
const DID: Record<HistoryEntry['strongest'], (what: string) => string> = {
  impression: (what) => `you saw ${what}`,
  view: (what) => `you viewed ${what}`,
  click: (what) => `you clicked ${what}`,
  add_to_cart: (what) => `you added ${what} to your cart`,
  purchase: (what) => `you bought ${what}`,
};

const norm = (s: string) => s.trim().toLowerCase();

/** Which knobs lifted an item notably (`rank/arrange.ts`). */
export interface Moves {
  explored: boolean;
  noised: boolean;
  diversified: boolean;
}

/**
 * Why an item is where it is, from the model's own numbers: the history item that contributed
 * most to its score (the attention's top row), the features the two share, and whether
 * exploration, privacy noise or variety moved it. `top` is passed only when the history placed
 * the item (`reason-gate.ts`); nothing is said that the scores and places do not show.
 */
export function reasonsFor(candidate: WireItem, top: HistoryEntry | undefined, contribution: number, moves: Moves): Reason[] {
  const reasons: Reason[] = [];
  if (top && contribution > 0) {
    const same = top.item.id === candidate.id;
    const title = top.item.title || top.item.id;
    reasons.push({
      kind: 'similar',
      text: same ? DID[top.strongest]('it') : `because ${DID[top.strongest](`“${title}”`)}`,
      itemId: top.item.id,
      weight: contribution,
    });
    if (!same && candidate.brand && top.item.brand && norm(candidate.brand) === norm(top.item.brand)) {
      reasons.push({ kind: 'brand', text: `brand you like: ${candidate.brand}`, itemId: top.item.id });
    }
    const shared = (candidate.categories ?? []).filter((c) => (top.item.categories ?? []).some((t) => norm(t) === norm(c)));
    // The most specific shared category says the most: categories run from broad to narrow.
    if (!same && shared.length > 0) reasons.push({ kind: 'category', text: `more from ${shared[shared.length - 1]}`, itemId: top.item.id });
  }
  if (moves.explored) reasons.push({ kind: 'exploring', text: 'something new, to learn what you like' });
  if (moves.noised) reasons.push({ kind: 'noise', text: 'placed partly at random, to keep your history private' });
  if (moves.diversified) reasons.push({ kind: 'variety', text: 'adds variety to the list' });
  return reasons;
}

/** Lists' factor at which "shoppers went on to" is worth telling: the score at least half again. */
export const NEXT_REASON_MIN_FACTOR = 1.5;

/**
 * The reason shown where a site-trained model's "shoppers went on to" lists lifted an item
 * (`model/next-items.ts`): the site's shoppers, at least two of them per pair, moved from that
 * history item to this one. Names the history item, never another shopper.
 */
export function nextReason(from: HistoryEntry, factor: number): Reason | undefined {
  if (factor < NEXT_REASON_MIN_FACTOR) return undefined;
  return { kind: 'next', text: `shoppers often go on to this after “${from.item.title || from.item.id}”`, itemId: from.item.id, weight: factor };
}
