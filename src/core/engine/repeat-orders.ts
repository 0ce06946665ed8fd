import type { WireEvent } from '../wire/wire.js';

/** Key of a purchase under an order id: the same (order, item) is one purchase however often it is reported. */
const orderKey = (e: WireEvent): string | undefined => (e.type === 'purchase' && e.orderId !== undefined ? `${e.orderId}\u0001${e.item.id}` : undefined);

/**
 * The batch without purchases already recorded under their order id (in `known` or earlier in
 * the batch): a confirmation page reloaded, or reported by two adapters, counts once.
 */
export function withoutRepeatedOrders(batch: WireEvent[], known: readonly WireEvent[]): WireEvent[] {
  if (!batch.some((e) => orderKey(e) !== undefined)) return batch;
  const seen = new Set<string>();
  for (const e of known) {
    const key = orderKey(e);
    if (key !== undefined) seen.add(key);
  }
  return batch.filter((e) => {
    const key = orderKey(e);
    if (key === undefined) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
