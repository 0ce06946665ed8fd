import type { TrackEvent } from '../../core/types.js';
import type { Hearth } from '../types.js';
import { debug } from '../../core/log.js';

/** Two reports of one click closer than this are one click seen by two sources (card + dataLayer). */
const SAME_CLICK_MS = 1_000;

/**
 * The one door automatic tracking goes through. Several sources may report the same thing
 * (a GA4 `view_item_list` and the cards' own impressions; JSON-LD and `view_item` on one
 * product page), so impressions and views count once per item per page, and a click once
 * however many sources saw it. Tracking never throws or rejects into the page.
 *
 * Events wait for `gate`: the page's first DOM rerank. Otherwise the impressions this very
 * page reports (a `view_item_list` pushed before Hearth loaded) would reorder its own grid.
 */
export function createAutoTracker(hearth: Hearth, gate: Promise<unknown> = Promise.resolve(), now: () => number = Date.now): (event: TrackEvent) => void {
  const send = (event: TrackEvent) => hearth.track(event).catch((err: unknown) => debug('auto-tracked event dropped', err));
  const once = new Set<string>();
  const lastClick = new Map<string, number>();
  return (event) => {
    try {
      const id = event.item.id;
      if (event.type === 'impression' || (event.type === 'view' && event.dwellMs === undefined)) {
        const key = `${event.type}\u0000${id}`;
        if (once.has(key)) return;
        once.add(key);
      } else if (event.type === 'click') {
        const t = now();
        if (t - (lastClick.get(id) ?? -Infinity) < SAME_CLICK_MS) return;
        lastClick.set(id, t);
      }
      void gate.then(() => send(event));
    } catch (err) {
      debug('auto-tracked event dropped', err);
    }
  };
}
