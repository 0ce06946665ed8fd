import type { TrackEvent } from '../../core/types.js';
import { debug } from '../../core/log.js';
import { ITEM_SELECTOR, listOf, positionOf, readCardItem } from './card-item.js';

/** An impression is a card at least this visible… */
const VISIBLE_RATIO = 0.5;
/** …for at least this long (the IAB viewability rule). */
const VISIBLE_MS = 1_000;

/**
 * Tracks product cards marked `data-hearth-item`: impressions when a card is at least half
 * visible for a second (IntersectionObserver, no scroll handlers or layout reads), clicks
 * through one delegated listener, and cards added later (infinite scroll) through a
 * MutationObserver. A product page marks its product with `data-hearth-product`, which is
 * tracked as a view. A button marked `data-hearth-action="add_to_cart"` (or `"purchase"`) inside
 * a card or the product reports that action instead of a click.
 */
// eslint-disable-next-line max-lines-per-function -- the observers and the delegated listener share which cards were seen and when
export function trackCards(doc: Document, emit: (event: TrackEvent) => void, onProduct: (event: TrackEvent) => void): void {
  const win = doc.defaultView;
  if (!win) return;
  const cardEvent = (type: TrackEvent['type'], el: Element): TrackEvent | undefined => {
    const item = readCardItem(el);
    if (!item) return undefined;
    const { list, listId } = listOf(el);
    const event: TrackEvent = { type, item };
    if (listId) event.listId = listId;
    const pos = positionOf(el, list);
    if (pos !== undefined) event.position = pos;
    return event;
  };

  const timers = new Map<Element, ReturnType<typeof setTimeout>>();
  const watched = new WeakSet<Element>();
  const io =
    typeof win.IntersectionObserver === 'function'
      ? new win.IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              const el = entry.target;
              if (entry.isIntersecting && entry.intersectionRatio >= VISIBLE_RATIO) {
                if (timers.has(el)) continue;
                timers.set(
                  el,
                  setTimeout(() => {
                    timers.delete(el);
                    io?.unobserve(el);
                    const event = cardEvent('impression', el);
                    if (event) emit(event);
                  }, VISIBLE_MS),
                );
              } else {
                clearTimeout(timers.get(el));
                timers.delete(el);
              }
            }
          },
          { threshold: [VISIBLE_RATIO] },
        )
      : undefined;

  const watch = (root: Element) => {
    if (!io) return;
    const cards = root.matches(ITEM_SELECTOR) ? [root] : [];
    for (const el of [...cards, ...Array.from(root.querySelectorAll(ITEM_SELECTOR))]) {
      if (watched.has(el)) continue;
      watched.add(el);
      io.observe(el);
    }
  };
  watch(doc.documentElement);
  new win.MutationObserver((records) => {
    try {
      for (const r of records) for (const node of Array.from(r.addedNodes)) if (node.nodeType === 1) watch(node as Element);
    } catch (err) {
      debug('card watch failed', err);
    }
  }).observe(doc.documentElement, { childList: true, subtree: true });

  // Capture phase: a shop's handler that stops propagation must not hide the click from us.
  const onClick = (e: Event) => {
    try {
      const target = e.target as Element | null;
      if (!target || typeof target.closest !== 'function') return;
      // `data-hearth-action="add_to_cart"` (or "purchase") on a button inside a card or product says what the click does.
      const action = target.closest('[data-hearth-action]')?.getAttribute('data-hearth-action');
      const type = action === 'add_to_cart' || action === 'purchase' ? action : 'click';
      const card = target.closest(ITEM_SELECTOR);
      if (card) {
        const event = cardEvent(type, card);
        if (event) emit(event);
        return;
      }
      const product = type === 'click' ? null : target.closest('[data-hearth-product]');
      const item = product && readCardItem(product, 'data-hearth-product');
      if (item) emit({ type, item });
    } catch (err) {
      debug('card click not tracked', err);
    }
  };
  doc.addEventListener('click', onClick, { capture: true, passive: true });
  doc.addEventListener('auxclick', onClick, { capture: true, passive: true }); // middle click: open in a new tab

  const product = doc.querySelector('[data-hearth-product]');
  if (product) {
    const item = readCardItem(product, 'data-hearth-product');
    if (item) onProduct({ type: 'view', item });
  }
}
