import type { Rotation } from '../types.js';
import type { StoredEvent, WireItem } from '../wire/wire.js';
import type { ShopperFacts } from './rules.js';

/**
 * What rules ask of the on-device history, from every stored event (oldest first): bought
 * (a purchase), in the cart (an add_to_cart with no purchase of the item after it).
 */
export function shopperFacts(events: readonly StoredEvent[]): ShopperFacts {
  const bought = new Map<string, number>();
  const carted = new Map<string, number>();
  events.forEach((e, k) => {
    if (e.type === 'purchase') bought.set(e.item.id, k);
    else if (e.type === 'add_to_cart') carted.set(e.item.id, k);
  });
  return {
    purchased: (id) => bought.has(id),
    inCart: (id) => (carted.get(id) ?? -1) > (bought.get(id) ?? -1),
  };
}

/** Ignored impressions at which an item has sunk 1 − 1/e (63%) of its way: see `Rotation`. */
export const ROTATION_IMPRESSIONS = 3;

/**
 * Places each candidate sinks under rotation: impressions since the shopper last engaged with
 * the item (any other event on it), each fading as e^(−age/hours), c in all, sink by
 * rate · (1 − e^(−c/3)) · list length. One pass from the newest event back.
 */
export function rotationSink(events: readonly StoredEvent[], items: readonly WireItem[], rotation: Rotation, now: number): Float64Array {
  const wanted = new Map<string, number>();
  items.forEach((it) => wanted.set(it.id, 0));
  const engaged = new Set<string>();
  const tau = rotation.hours * 3_600_000;
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k]!;
    const id = e.item.id;
    if (!wanted.has(id) || engaged.has(id)) continue;
    if (e.type !== 'impression') engaged.add(id);
    else wanted.set(id, wanted.get(id)! + Math.exp(-Math.max(0, now - e.at) / tau));
  }
  const n = items.length;
  return Float64Array.from(items, (it) => rotation.rate * (1 - Math.exp(-wanted.get(it.id)! / ROTATION_IMPRESSIONS)) * n);
}
