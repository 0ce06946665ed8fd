import type { EventStore } from '../store/event-store.js';

/**
 * The store events are written to, with its writes chained: each starts after the previous one
 * settled, so events reach the store in the order they were tracked and a forget lands after them.
 */
export interface WriteChain {
  /** The store written to now. */
  readonly store: EventStore;
  /** Runs `op` on the store once every write asked for before it has settled. */
  write<T>(op: (store: EventStore) => Promise<T>): Promise<T>;
  /** Runs `op` on the store once every write asked for so far has settled (later writes do not wait for it). */
  read<T>(op: (store: EventStore) => T | Promise<T>): Promise<T>;
  /** Resolves once every write asked for so far has settled. */
  settled(this: void): Promise<void>;
  /** After the pending writes, makes `next` the store written to; resolves with the previous one. */
  swap(next: EventStore): Promise<EventStore>;
}

export function createWriteChain(store: EventStore): WriteChain {
  let writes: Promise<unknown> = Promise.resolve();
  return {
    get store() {
      return store;
    },
    write(op) {
      const next = writes.then(() => op(store));
      writes = next.catch(() => undefined);
      return next;
    },
    async read(op) {
      await writes;
      return op(store);
    },
    async settled() {
      await writes;
    },
    async swap(next) {
      await writes;
      const previous = store;
      store = next;
      return previous;
    },
  };
}
