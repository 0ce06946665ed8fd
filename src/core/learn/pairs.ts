import type { StoredEvent, WireItem } from '../wire/wire.js';
import type { ModelParams } from '../model/model-types.js';
import { SESSION_GAP_MS } from '../model/history.js';
import { hashString } from '../model/hash.js';

/** A preference the shopper showed: `pos` was acted on, `neg` was shown beside it and passed over. */
export interface Pair {
  pos: WireItem;
  neg: WireItem;
  /** Strength of the action on `pos` × time decay: a purchase last week says more than a view last month. */
  weight: number;
}

/** A fingerprint of the pairs (which items, in order): the same events give the same key on every load. */
export function pairsKey(pairs: readonly Pair[]): number {
  let h = pairs.length;
  for (const p of pairs) h = hashString(p.neg.id, hashString(p.pos.id, h));
  return h;
}

/** Newest events read: bounds a rebuild (a few ms) however long the history is. */
const MAX_EVENTS = 5000;
/** Newest pairs kept: bounds an epoch of the learner to ~1 ms. */
export const MAX_PAIRS = 2000;
/** Passed-over impressions paired with each positive, the most recent first. */
const NEG_PER_POS = 8;
/** Impressions remembered while scanning, across lists. */
const RECENT_IMPRESSIONS = 400;

const POSITIVE = new Set<StoredEvent['type']>(['view', 'click', 'add_to_cart', 'purchase']);

/**
 * Pairs (acted-on item, impressed-but-not-acted-on item of the same list, shown within the
 * preceding session gap) from the shopper's own events. Items the shopper acted on at any time
 * are never negatives. A positive without a `listId` (a product page) pairs with any list's
 * recent impressions.
 */
export function buildPairs(events: readonly StoredEvent[], params: ModelParams, now: number): Pair[] {
  const recent = events.slice(-MAX_EVENTS);
  const acted = new Set<string>();
  for (const e of recent) if (POSITIVE.has(e.type)) acted.add(e.item.id);
  const shown: StoredEvent[] = [];
  const pairs: Pair[] = [];
  for (const e of recent) {
    if (e.type === 'impression') {
      if (!acted.has(e.item.id)) shown.push(e);
      if (shown.length > RECENT_IMPRESSIONS) shown.shift();
      continue;
    }
    const strength = params.actionWeights[e.type];
    if (!(strength > 0)) continue;
    const weight = strength * Math.pow(0.5, Math.max(0, now - e.at) / 3_600_000 / params.halfLifeHours);
    let taken = 0;
    const used = new Set<string>();
    for (let k = shown.length - 1; k >= 0 && taken < NEG_PER_POS; k--) {
      const s = shown[k]!;
      if (e.at - s.at > SESSION_GAP_MS) break;
      if (e.listId !== undefined && s.listId !== e.listId) continue;
      if (used.has(s.item.id)) continue;
      used.add(s.item.id);
      pairs.push({ pos: e.item, neg: s.item, weight });
      taken++;
    }
  }
  return pairs.slice(-MAX_PAIRS);
}
