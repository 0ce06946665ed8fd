import type { EventType, TrackEvent } from '../../core/types.js';
import { LIMITS } from '../../core/wire/limits.js';
import { debug } from '../../core/log.js';
import { isRecord, position, text, toItem } from './item-fields.js';

/** Segment e-commerce spec v2 events Hearth learns from. */
const SEGMENT_TYPES: Readonly<Record<string, EventType>> = {
  'Product List Viewed': 'impression',
  'Product Clicked': 'click',
  'Product Viewed': 'view',
  'Product Added': 'add_to_cart',
  'Order Completed': 'purchase',
};

/** Maps one `analytics.track(name, properties)` call to Hearth events. */
export function segmentEvents(name: unknown, props: unknown): TrackEvent[] {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(SEGMENT_TYPES, name) || !isRecord(props)) return [];
  const type = SEGMENT_TYPES[name]!;
  // List and order events carry `products[]`; single-product events are the product.
  const products = Array.isArray(props.products) ? props.products : type === 'impression' || type === 'purchase' ? [] : [props];
  const listId = text(props.list_id, LIMITS.listIdLength) ?? (type === 'impression' ? text(props.category, LIMITS.listIdLength) : undefined);
  const orderId = type === 'purchase' ? text(props.order_id, LIMITS.orderIdLength) : undefined;
  const out: TrackEvent[] = [];
  products.forEach((p: unknown, i) => {
    if (!isRecord(p)) return;
    const item = toItem({ id: p.product_id ?? p.sku ?? p.id, title: p.name, brand: p.brand, categories: p.category, price: p.price, variant: p.variant });
    if (!item) return;
    const event: TrackEvent = { type, item };
    if (listId) event.listId = listId;
    if (orderId) event.orderId = orderId;
    // Segment positions count from 1; Hearth's from 0.
    const pos = position(typeof p.position === 'number' ? p.position - 1 : undefined) ?? (type === 'impression' ? i : undefined);
    if (pos !== undefined) event.position = pos;
    out.push(event);
  });
  return out;
}

type Call = unknown[];
interface AnalyticsLike {
  on?: (event: string, fn: (...args: unknown[]) => void) => unknown;
  push?: (...calls: Call[]) => number;
}

/**
 * Listens to `analytics.track` calls where Segment's analytics.js is on the page.
 *
 * Before analytics.js loads, `window.analytics` is the snippet's stub: an array of queued
 * calls. Those are read now, later stub calls are seen through its `push`, and the listener
 * is queued with `analytics.on`. When analytics.js loads it replays the stub's calls; those
 * already seen through `push` are recognised by content and skipped, so nothing counts twice.
 */
export function watchSegment(win: Window, onEvent: (event: TrackEvent) => void): void {
  const analytics = (win as unknown as { analytics?: unknown }).analytics;
  if (typeof analytics !== 'object' || analytics === null) return;
  const a = analytics as AnalyticsLike;
  const handle = (name: unknown, props: unknown) => {
    try {
      for (const event of segmentEvents(name, props)) onEvent(event);
    } catch (err) {
      debug('skipped a Segment call', err);
    }
  };
  /** Calls seen on the stub after our listener was queued: analytics.js will replay them to it. */
  const replayed = new Map<string, number>();

  if (Array.isArray(analytics)) {
    for (const call of analytics.slice() as unknown[]) if (Array.isArray(call) && call[0] === 'track') handle(call[1], call[2]);
    const push = analytics.push;
    // Our listener is queued before this hook, so every call seen below reaches it again on replay.
    a.on?.('track', (name, props) => (skipReplay(name, props) ? undefined : handle(name, props)));
    analytics.push = function (this: unknown, ...calls: unknown[]) {
      const result = push.apply(this, calls);
      for (const call of calls) {
        if (!Array.isArray(call) || call[0] !== 'track') continue;
        const key = keyOf(call[1], call[2]);
        replayed.set(key, (replayed.get(key) ?? 0) + 1);
        handle(call[1], call[2]);
      }
      return result;
    };
    return;
  }
  a.on?.('track', (name, props) => handle(name, props));

  function skipReplay(name: unknown, props: unknown): boolean {
    const key = keyOf(name, props);
    const n = replayed.get(key);
    if (!n) return false;
    if (n === 1) replayed.delete(key);
    else replayed.set(key, n - 1);
    return true;
  }
}

function keyOf(name: unknown, props: unknown): string {
  try {
    return `${String(name)}\u0000${JSON.stringify(props)}`;
  } catch {
    return String(name);
  }
}
