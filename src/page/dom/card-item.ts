import type { Item } from '../../core/types.js';
import { debug } from '../../core/log.js';
import { isRecord, toItem } from './item-fields.js';
import { pageDecimalMark } from './price-text.js';

/** Product cards: `data-hearth-item` (JSON, or empty with `data-hearth-id` etc.). */
export const ITEM_SELECTOR = '[data-hearth-item]';

/**
 * The item a card describes: `data-hearth-item='{"id":"sku-1","brand":"Acme"}'`, or
 * `data-hearth-item data-hearth-id="sku-1" data-hearth-brand="Acme" data-hearth-category="Shoes > Running"
 * data-hearth-price="49.90" data-hearth-title="…"`. Separate attributes fill what the JSON lacks.
 * Read as data only: nothing here is ever written back into the page. A product page marks its
 * product the same way with `data-hearth-product`.
 */
export function readCardItem(el: Element, attribute = 'data-hearth-item'): Item | undefined {
  const json = el.getAttribute(attribute)?.trim();
  let parsed: Record<string, unknown> = {};
  if (json && json.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(json);
      if (isRecord(value)) parsed = value;
    } catch (err) {
      debug('card has invalid data-hearth-item JSON', err);
    }
  }
  const attr = (name: string) => el.getAttribute(`data-hearth-${name}`) ?? undefined;
  return toItem({
    id: parsed.id ?? attr('id'),
    title: parsed.title ?? attr('title'),
    brand: parsed.brand ?? attr('brand'),
    categories: parsed.categories ?? parsed.category ?? attr('category'),
    price: parsed.price ?? attr('price'),
  }, pageDecimalMark(el));
}

/** The list a card belongs to: the closest `data-hearth-list` or `data-hearth-rerank` container. */
export function listOf(el: Element): { list: Element | null; listId: string | undefined } {
  const list = el.parentElement?.closest('[data-hearth-list],[data-hearth-rerank]') ?? null;
  const listId = list?.getAttribute('data-hearth-list') || list?.getAttribute('data-hearth-rerank') || undefined;
  return { list, listId };
}

/** The card's 0-based position among the cards of its list, as shown now (after any rerank). */
export function positionOf(el: Element, list: Element | null): number | undefined {
  if (!list) return undefined;
  const i = Array.prototype.indexOf.call(list.querySelectorAll(ITEM_SELECTOR), el);
  return i >= 0 ? i : undefined;
}
