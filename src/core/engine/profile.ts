import type { StoredEvent } from '../wire/wire.js';
import { eventWeight, SESSION_GAP_MS } from '../model/history.js';
import { priceBand } from '../model/features.js';
import type { ModelParams } from '../model/model-types.js';
import type { InterestProfile, InterestSummary, WeightedInterest } from '../types.js';

export { SESSION_GAP_MS };
const TOP = 10;

function top(weights: Map<string, number>): WeightedInterest[] {
  const positive = [...weights].filter(([, w]) => w > 0);
  const total = positive.reduce((s, [, w]) => s + w, 0);
  return positive
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([name, weight]) => ({ name, weight, share: weight / total }));
}

function summarise(events: readonly StoredEvent[], params: ModelParams, now: number): InterestSummary {
  const brands = new Map<string, number>();
  const categories = new Map<string, number>();
  const bands = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, w: number) => m.set(k, (m.get(k) ?? 0) + w);
  for (const e of events) {
    // The same weights the model uses: action strength, time decay, dwell.
    const w = eventWeight(e, params, now);
    if (e.item.brand) add(brands, e.item.brand, w);
    for (const c of e.item.categories ?? []) add(categories, c, w);
    if (e.item.price !== undefined) add(bands, String(priceBand(e.item.price)), w);
  }
  return {
    categories: top(categories),
    brands: top(brands),
    priceBands: top(bands).map(({ name, weight, share }) => {
      const band = Number(name);
      // Inverse of priceBand: band b covers prices with log2(1 + p)·2 in [b, b + 1).
      return { name: `${Math.round(2 ** (band / 2) - 1)}–${Math.round(2 ** ((band + 1) / 2) - 1)}`, weight, share, min: 2 ** (band / 2) - 1, max: 2 ** ((band + 1) / 2) - 1 };
    }),
  };
}

/** The shopper's interests as the model weighs them, long-term and in the current session. */
export function buildProfile(events: readonly StoredEvent[], params: ModelParams, now: number): InterestProfile {
  let start = events.length;
  while (start > 0 && (start === events.length ? now : events[start]!.at) - events[start - 1]!.at <= SESSION_GAP_MS) start--;
  const session = events.slice(start);
  return {
    events: events.length,
    ...(events.length ? { since: events[0]!.at } : {}),
    longTerm: summarise(events, params, now),
    session: { ...summarise(session, params, now), events: session.length },
  };
}
