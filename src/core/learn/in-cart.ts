import type { WireItem } from '../wire/wire.js';
import type { HistoryEntry } from '../model/history.js';

/**
 * An item in the cart (added, not bought since) is not pushed up by the history: its score is
 * capped at `neutral`, what the history gives an item it says nothing about, so it keeps about
 * the shop's place. The shopper knows where it is; a browsing list's top is for what they have
 * not chosen yet. Bought items are `repurchase.ts`'s. Lowers `scores` in place; returns per
 * candidate whether it was capped.
 */
export function capInCart(scores: Float32Array, candidates: readonly WireItem[], history: readonly HistoryEntry[], neutral: number): boolean[] {
  const capped = new Array<boolean>(candidates.length).fill(false);
  const inCart = new Set(history.filter((h) => h.strongest === 'add_to_cart').map((h) => h.item.id));
  if (inCart.size === 0) return capped;
  candidates.forEach((c, i) => {
    if (inCart.has(c.id) && scores[i]! > neutral) {
      scores[i] = neutral;
      capped[i] = true;
    }
  });
  return capped;
}
