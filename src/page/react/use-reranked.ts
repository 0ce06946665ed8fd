import { useEffect, useMemo, useState } from 'react';
import type { Item, RerankOptions } from '../../index.js';
import { useHearth } from './context.js';
import { debug } from '../../core/log.js';

/** The personalised order of one list, as indices into the list it was computed for. */
interface Ranked {
  key: string;
  order: number[];
}

/**
 * `items` in this shopper's order. The first render (and server rendering) returns `items`
 * as given; once the worker answers, the personalised order replaces it in one update, and
 * stays: re-renders with a list of the same ids (new objects, updated prices) keep it without
 * asking again, so the list never flickers back. A new list (other ids) shows in its own order
 * until it is ranked. Never throws: on any failure the original order stays.
 *
 * @example
 * const ranked = useReranked(products, { listId: 'category:tents' });
 * return <ul>{ranked.map((p) => <ProductCard key={p.id} product={p} />)}</ul>;
 */
export function useReranked<T extends Item>(items: readonly T[], options: RerankOptions = {}): T[] {
  const hearth = useHearth();
  const { listId, limit, timeoutMs, exploration, diversity, maxSameCategory, privacyNoise } = options;
  const ids = useMemo(() => items.map((i) => i.id).join('\u0000'), [items]);
  // Everything that changes the answer; the time budget does not.
  const key = `${ids}\u0001${listId ?? ''}\u0001${limit ?? ''}\u0001${exploration ?? ''}\u0001${diversity ?? ''}\u0001${maxSameCategory ?? ''}\u0001${JSON.stringify(privacyNoise) ?? ''}`;
  const [ranked, setRanked] = useState<Ranked | null>(null);

  useEffect(() => {
    let live = true;
    const list = items.slice();
    const index = new Map<T, number>(list.map((item, i) => [item, i]));
    const given: RerankOptions = { listId, limit, timeoutMs, exploration, diversity, maxSameCategory, privacyNoise };
    const rerankOptions = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as RerankOptions;
    hearth
      .rerank(list, rerankOptions)
      .then((result) => {
        if (live) setRanked({ key, order: result.map((item) => index.get(item)!) });
      })
      .catch((err: unknown) => debug('useReranked kept the original order', err));
    return () => {
      live = false;
    };
    // Deliberately keyed on the ids and options, not the array: a re-render with fresh objects is the same list.
  }, [hearth, key]);

  return useMemo(() => {
    if (!ranked || ranked.key !== key) return limit === undefined ? items.slice() : items.slice(0, limit);
    return ranked.order.map((i) => items[i]!);
  }, [items, ranked, key, limit]);
}
