import type { StoredEvent, WireEvent } from '../wire/wire.js';
import type { ForgetFilter } from '../wire/wire.js';

/**
 * Where a shopper's history lives. IndexedDB in the browser (`idb-store.ts`), memory in Node,
 * in private modes without IndexedDB, and in tests (`memory-store.ts`). The engine only
 * sees this interface.
 */
export interface EventStore {
  readonly kind: 'indexeddb' | 'memory';
  /** The newest `limit` events, oldest first. */
  load(limit: number): Promise<StoredEvent[]>;
  /** Appends events (assigning `seq`) and prunes the oldest past `maxEvents`. */
  append(events: WireEvent[], maxEvents: number): Promise<StoredEvent[]>;
  /** Deletes the events matching `filter` (an item, a brand, a category, a time range); resolves with how many. */
  deleteWhere(filter: ForgetFilter): Promise<number>;
  /** Deletes all events and every meta entry about the shopper (keys not under `PUBLIC_META_PREFIX`). */
  clear(): Promise<void>;
  count(): Promise<number>;
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  close(): void;
}

/** Meta keys under this prefix hold public data (cached site model weights) that `clear` keeps. */
export const PUBLIC_META_PREFIX = 'public:';
