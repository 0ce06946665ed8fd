import type { AttributeValue, EventType } from '../types.js';

/**
 * Plain-data shapes that cross the page ↔ worker boundary and go into storage. They are
 * built by validation from whatever the page passed, so the worker never sees shop objects
 * (which may hold DOM nodes or functions that structured clone would reject).
 */
export interface WireItem {
  id: string;
  title?: string;
  brand?: string;
  categories?: string[];
  price?: number;
  /** Attributes as entries, so a key like `__proto__` stays plain data. */
  attrs?: Array<[string, AttributeValue]>;
}

export interface WireEvent {
  type: EventType;
  item: WireItem;
  listId?: string;
  position?: number;
  dwellMs?: number;
  /** Epoch milliseconds. */
  at: number;
  /** A purchase's order id: the engine records each (order, item) once. */
  orderId?: string;
}

/** An event as stored: `seq` is assigned by the store and orders events. */
export interface StoredEvent extends WireEvent {
  seq: number;
}
