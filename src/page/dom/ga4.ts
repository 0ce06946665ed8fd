import type { EventType, TrackEvent } from '../../core/types.js';
import { LIMITS } from '../../core/wire/limits.js';
import { isRecord, position, text, toItem } from './item-fields.js';

/** GA4 recommended e-commerce events Hearth learns from, and what each one means to it. */
const GA4_TYPES: Readonly<Record<string, EventType>> = {
  view_item_list: 'impression',
  select_item: 'click',
  view_item: 'view',
  add_to_cart: 'add_to_cart',
  purchase: 'purchase',
};

/**
 * Reads one `window.dataLayer` entry. Two shapes carry GA4 e-commerce:
 * - GTM objects: `{ event: 'select_item', ecommerce: { item_list_id, items: [...] } }`
 * - gtag calls, which push their `arguments` object: `gtag('event', 'select_item', { items })`.
 * Anything else (config calls, consent, `{ ecommerce: null }` resets, other events) gives no events.
 */
export function ga4Events(entry: unknown): TrackEvent[] {
  let name: unknown;
  let params: unknown;
  if (isArgumentsLike(entry)) {
    if (entry[0] !== 'event') return [];
    name = entry[1];
    params = entry[2];
  } else if (isRecord(entry)) {
    name = entry.event;
    params = entry.ecommerce;
  } else {
    return [];
  }
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(GA4_TYPES, name) || !isRecord(params)) return [];
  const type = GA4_TYPES[name]!;
  const items = Array.isArray(params.items) ? params.items : [];
  const listOfEvent = text(params.item_list_id, LIMITS.listIdLength) ?? text(params.item_list_name, LIMITS.listIdLength);
  // GA4 pushes `purchase` again when the confirmation page reloads; its transaction_id lets the engine count it once.
  const orderId = type === 'purchase' ? text(params.transaction_id, LIMITS.orderIdLength) : undefined;
  const out: TrackEvent[] = [];
  items.forEach((raw: unknown, i) => {
    if (!isRecord(raw)) return;
    const item = toItem({
      id: raw.item_id ?? raw.item_name,
      title: raw.item_name,
      brand: raw.item_brand,
      categories: [raw.item_category, raw.item_category2, raw.item_category3, raw.item_category4, raw.item_category5],
      price: raw.price,
      variant: raw.item_variant,
    });
    if (!item) return;
    const event: TrackEvent = { type, item };
    if (orderId) event.orderId = orderId;
    const listId = text(raw.item_list_id, LIMITS.listIdLength) ?? listOfEvent;
    if (listId) event.listId = listId;
    // A list view without indices still tells the order the items were shown in.
    const at = position(raw.index) ?? (type === 'impression' ? position(i) : undefined);
    if (at !== undefined) event.position = at;
    out.push(event);
  });
  return out;
}

/** gtag pushes a real `arguments` object (not an array); GTM's own code does the same. */
function isArgumentsLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || Object.prototype.toString.call(value) === '[object Arguments]';
}
