import type { StoredEvent, WireEvent } from '../wire/wire.js';
import { matchesFilter } from '../wire/forget-filter.js';
import { PUBLIC_META_PREFIX, type EventStore } from './event-store.js';

/** A store that forgets on reload: for Node, tests, and browsers without IndexedDB. */
export function createMemoryStore(): EventStore {
  let events: StoredEvent[] = [];
  const meta = new Map<string, unknown>();
  let nextSeq = 1;
  return {
    kind: 'memory',
    async load(limit) {
      return events.slice(-limit);
    },
    async append(batch: WireEvent[], maxEvents: number) {
      const stored = batch.map((e) => ({ ...e, seq: nextSeq++ }));
      events.push(...stored);
      if (events.length > maxEvents) events = events.slice(-maxEvents);
      return stored;
    },
    async deleteWhere(filter) {
      const before = events.length;
      events = events.filter((e) => !matchesFilter(e, filter));
      return before - events.length;
    },
    async clear() {
      events = [];
      for (const key of [...meta.keys()]) if (!key.startsWith(PUBLIC_META_PREFIX)) meta.delete(key);
    },
    async count() {
      return events.length;
    },
    async getMeta<T>(key: string) {
      return meta.get(key) as T | undefined;
    },
    async setMeta(key, value) {
      meta.set(key, value);
    },
    close() {},
  };
}
