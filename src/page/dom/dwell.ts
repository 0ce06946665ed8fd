import type { Item, TrackEvent } from '../../core/types.js';

/** Time on a product page below which leaving says nothing about interest. */
export const MIN_DWELL_MS = 1_000;

/**
 * Dwell on a product page. The product's view is tracked at once (a tab closed mid-write
 * would lose a view saved only on leaving); when the shopper first leaves the page (tab
 * hidden, navigation), a second `view` carries the visible time, which the model turns into
 * extra weight. Returns the function that starts the clock for the page's product.
 */
export function createDwellTracker(win: Window, emit: (event: TrackEvent) => void): (item: Item) => void {
  const doc = win.document;
  const clock = () => win.performance.now();
  let product: Item | undefined;
  let visibleSince: number | undefined;
  let total = 0;
  let done = false;

  const pause = () => {
    if (visibleSince !== undefined) total += clock() - visibleSince;
    visibleSince = undefined;
  };
  const leave = () => {
    if (!product || done) return;
    pause();
    if (total < MIN_DWELL_MS) return;
    done = true;
    emit({ type: 'view', item: product, dwellMs: Math.round(total) });
  };
  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') leave();
    else if (product && visibleSince === undefined) visibleSince = clock();
  };

  return (item) => {
    if (product) return; // one product page, one product: later views are recommendations on it
    product = item;
    if (doc.visibilityState !== 'hidden') visibleSince = clock();
    doc.addEventListener('visibilitychange', onVisibility);
    win.addEventListener('pagehide', leave);
  };
}
