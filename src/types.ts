/**
 * Public types of Hearth. Everything here is plain data: it crosses the page ↔ worker
 * boundary by structured clone, so no classes, functions or DOM nodes.
 */

/** Backends the interest model can run on, fastest-first on real hardware. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** `'auto'` picks the fastest correct backend; a named one is tried first, then the rest in order. */
export type BackendChoice = 'auto' | BackendName;

/** A value an item attribute may hold. */
export type AttributeValue = string | number | boolean | string[];

/**
 * A product as the shop's page already knows it. Only `id` is required; every other field
 * sharpens the model (title words, brand, categories, price band and attributes are hashed
 * into features, so no catalogue is needed).
 *
 * @example
 * { id: 'sku-42', title: 'Trail running shoe', brand: 'Salomon', categories: ['Shoes', 'Running'], price: 129 }
 */
export interface Item {
  id: string;
  title?: string;
  brand?: string;
  categories?: string[];
  /** Price in the shop's currency; only its order of magnitude is used (price band). */
  price?: number;
  attributes?: Record<string, AttributeValue>;
}

/** What the shopper did. Strength grows left to right; an impression that is never clicked is a weak negative. */
export const EVENT_TYPES = ['impression', 'view', 'click', 'add_to_cart', 'purchase'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * One shopper action.
 * @example
 * hearth.track({ type: 'click', item: { id: 'sku-42', brand: 'Salomon' }, listId: 'category:shoes', position: 3 })
 */
export interface TrackEvent {
  type: EventType;
  item: Item;
  /** Which list the item was shown in (e.g. `'search'`, `'category:shoes'`). */
  listId?: string;
  /** 0-based position of the item in that list. */
  position?: number;
  /** Milliseconds the shopper spent on the item (product page dwell). */
  dwellMs?: number;
  /** When it happened, epoch milliseconds; default now. */
  at?: number;
}

/** Options of one rerank / rank call. */
export interface RerankOptions {
  /** Which list this is; recorded with impressions by later features. */
  listId?: string;
  /** Return only the first `limit` items (after reranking). */
  limit?: number;
  /** Time budget of this call in milliseconds; past it the original order is returned. */
  timeoutMs?: number;
}

/** Result of {@link Hearth.rank}. */
export interface RankResult<T extends Item> {
  /** The same objects that were passed in, in the new order. */
  items: T[];
  /** Model score of each returned item (same order as `items`); 0 when `fallback`. */
  scores: number[];
  /** True when the original order was returned because ranking failed or ran out of time. */
  fallback: boolean;
  /** Backend that scored the list, or `'none'` on fallback. */
  backend: BackendName | 'none';
  /** Wall time of the call on the page, milliseconds. */
  ms: number;
}

/** Options of {@link createHearth}. */
export interface HearthOptions {
  /** IndexedDB database name; default `"hearth"`. */
  dbName?: string;
  /** Which tfjs backend to use; default `'auto'`. */
  backend?: BackendChoice;
  /** URL of site-trained weights (`model.json` made by `npm run train`); optional. */
  modelUrl?: string;
  /** Where the worker script is; default `hearth.worker.js` beside the module. */
  workerUrl?: string | URL;
  /** Default time budget of a rerank in milliseconds; default 50. */
  timeoutMs?: number;
  /** Most events kept for this shopper (oldest pruned first); default 10,000, between 100 and 1,000,000. */
  maxEvents?: number;
  /**
   * The shopper's consent to keeping a history on this device; default `'granted'`.
   * `'pending'` keeps events in memory for this page only; `'denied'` records nothing and deletes
   * what was stored. Change it later with {@link Hearth.setConsent}.
   */
  consent?: ConsentState;
  /** Treat `navigator.globalPrivacyControl === true` as `consent: 'denied'`; default false (the shop opts in). */
  respectGlobalPrivacyControl?: boolean;
}

/** Whether this shopper agreed to a history being kept on their device. */
export const CONSENT_STATES = ['granted', 'pending', 'denied'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** Result of {@link Hearth.ready}. */
export interface ReadyInfo {
  backend: BackendName;
  /** Number of events in this shopper's stored history. */
  events: number;
}

/** What to forget. */
export type ForgetRequest = { itemId: string } | { all: true };

/** A Hearth instance: the page's handle on the worker that holds the shopper's model. */
export interface Hearth {
  /** Resolves once the worker, the store and the model backend are up. */
  ready(): Promise<ReadyInfo>;
  /** Records a shopper action. Rejects only on invalid input, naming the bad field. */
  track(event: TrackEvent): Promise<void>;
  /** Reorders `items` for this shopper. Never rejects for runtime failures: returns the original order. */
  rerank<T extends Item>(items: T[], options?: RerankOptions): Promise<T[]>;
  /** Like `rerank`, with scores and diagnostics. */
  rank<T extends Item>(items: T[], options?: RerankOptions): Promise<RankResult<T>>;
  /** Removes one item's events, or the whole history. */
  forget(what: ForgetRequest): Promise<void>;
  /** Stops the worker and closes the database. Later calls fall back to the original order. */
  close(): Promise<void>;
  /**
   * Changes consent. `'granted'` stores what was held while pending; `'denied'` deletes the
   * stored history and records nothing more; `'pending'` stops writing but keeps what is stored.
   * @example cmp.onChange((ok) => hearth.setConsent(ok ? 'granted' : 'denied'));
   */
  setConsent(state: ConsentState): Promise<void>;
}
