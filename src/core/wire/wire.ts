import type { AttributeValue, EventType, MerchandisingRules, PrivacyNoise, Rotation } from '../types.js';

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

/** The per-call knobs, each in [0, 1]; 0 or absent means off. */
export interface RankKnobs {
  exploration?: number;
  diversity?: number;
  /** Default `MAX_SAME_CATEGORY` (`rank/vary-top.ts`). */
  maxSameCategory?: number;
  privacyNoise?: number | PrivacyNoise;
  /** The shop's rules, applied after the knobs (validated: `validateRerankOptions`). */
  rules?: MerchandisingRules;
  rotation?: Rotation;
  /** The shop's order, untouched but for `rules` (an experiment's holdout arm). */
  shopOrder?: boolean;
}

/**
 * How a rank request carries its candidates to the worker: each validated item as one line of
 * JSON, in an array of strings. Why not the item objects: deserialising structured-clone objects
 * was the worker's largest cost of a long list (BENCHMARKS.md › Targets), while strings cross as plain copies; and each
 * line is a ready-made key for the worker's cache of parsed items (same product, same line), so
 * a list seen before is not parsed, and its items keep their identity, which the vector and
 * feature caches key on. Separate strings rather than one joined string: substrings split from
 * one request would each keep that whole request alive in the worker's cache.
 */
export type EncodedCandidates = string[];

/** A validated forget request other than `{ all: true }`. */
export type ForgetFilter = { itemId: string } | { brand: string } | { category: string } | { from?: number; to?: number };

/** A validated forget request. */
export type ForgetWire = ForgetFilter | { all: true };
