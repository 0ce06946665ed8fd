import type { StoredEvent, WireEvent } from '../wire/wire.js';
import type { ForgetWire } from '../wire/validate.js';
import type { EventStore } from '../store/event-store.js';
import { matchesFilter } from '../wire/forget-filter.js';

/** `seq` of an event whose write to the store has not finished yet. */
const PROVISIONAL = -1;

/** Told of every change to the log's events, in the order they happen. */
export interface EventLogListener {
  /** `added` went onto the end. */
  appended(added: readonly StoredEvent[]): void;
  /** The oldest events, `dropped`, were pruned. */
  dropped(dropped: readonly StoredEvent[]): void;
  /** The events were replaced, filtered or reordered. */
  reset(): void;
}

/**
 * The shopper's events in memory, written through to a store: a rank never waits for the store,
 * and writes are chained so events reach it in the order they were tracked.
 */
export interface EventLog {
  /** Every event held, oldest first (the newest may still carry a provisional `seq`). */
  readonly events: readonly StoredEvent[];
  /** Kind of the store events are written to now. */
  readonly storeKind: EventStore['kind'];
  /** Moves on every change to the events. */
  readonly revision: number;
  /** Moves whenever events are removed or replaced. */
  readonly generation: number;
  /** Adds `batch` at once, then resolves with it as stored (with its `seq`). */
  append(batch: WireEvent[]): Promise<StoredEvent[]>;
  /** Merges events another tab stored, each at most once (by `seq`). */
  ingest(remote: readonly StoredEvent[]): void;
  /** Removes matching events from memory only (another tab already did it in the store). */
  forgetLocal(what: ForgetWire): void;
  /** Removes matching events from memory and, in write order, from the store. */
  forget(what: ForgetWire): Promise<void>;
  /** Switches stores; `carry` moves the events held into it, otherwise they are replaced by its own. */
  adoptStore(next: EventStore, carry: boolean): Promise<void>;
  loadMeta<T>(key: string): Promise<T | undefined>;
  /** Writes in order with the events; dropped when `atGeneration` is stale by then. */
  saveMeta(key: string, value: unknown, atGeneration: number): Promise<void>;
  /** Resolves once every write asked for so far has finished. */
  flush(): Promise<void>;
  /** Flushes, then closes the store. */
  close(): Promise<void>;
}

/** Loads the newest `maxEvents` events from `store` and keeps at most that many. */
export async function openEventLog(store: EventStore, maxEvents: number, listener: EventLogListener): Promise<EventLog> {
  let events: StoredEvent[] = await store.load(maxEvents);
  let writes: Promise<unknown> = Promise.resolve();
  let revision = 0;
  let generation = 0;

  function chainWrite<T>(op: () => Promise<T>): Promise<T> {
    const next = writes.then(op);
    writes = next.catch(() => undefined);
    return next;
  }
  const append = (added: StoredEvent[]) => {
    events.push(...added);
    listener.appended(added);
  };
  /** Keeps at most maxEvents, dropping the oldest. */
  const prune = () => {
    if (events.length <= maxEvents) return;
    const dropped = events.slice(0, events.length - maxEvents);
    events = events.slice(-maxEvents);
    listener.dropped(dropped);
  };
  /** Events were removed or replaced: what was learned from them must go too. */
  const replace = (next: StoredEvent[]) => {
    events = next;
    listener.reset();
    revision++;
    generation++;
  };
  const forgetLocal = (what: ForgetWire) => replace('all' in what ? [] : events.filter((e) => !matchesFilter(e, what)));

  return {
    get events() {
      return events;
    },
    get storeKind() {
      return store.kind;
    },
    get revision() {
      return revision;
    },
    get generation() {
      return generation;
    },
    async append(batch) {
      if (batch.length === 0) return [];
      // Visible to the next rank at once; seq is provisional until the store assigns it.
      const provisional = batch.map((e) => ({ ...e, seq: PROVISIONAL }));
      append(provisional);
      prune();
      revision++;
      const stored = await chainWrite(() => store.append(batch, maxEvents));
      provisional.forEach((p, i) => (p.seq = stored[i]!.seq));
      return stored;
    },
    ingest(remote) {
      const known = new Set(events.map((e) => e.seq));
      const fresh = remote.filter((e) => !known.has(e.seq));
      if (fresh.length === 0) return;
      append(fresh);
      // Stored order is seq order; this tab's still-provisional events stay last. Usually the
      // fresh events are the newest stored ones and the list is already in order: skip the sort.
      const key = (e: StoredEvent) => (e.seq === PROVISIONAL ? Infinity : e.seq);
      if (events.some((e, i) => i > 0 && key(events[i - 1]!) > key(e))) {
        events.sort((a, b) => key(a) - key(b));
        listener.reset(); // events moved into the middle
      }
      prune();
      revision++;
    },
    forgetLocal,
    forget(what) {
      forgetLocal(what);
      return chainWrite(async () => {
        if ('all' in what) await store.clear();
        else await store.deleteWhere(what);
      });
    },
    async adoptStore(next, carry) {
      await writes;
      const previous = store;
      store = next;
      const existing = await next.load(maxEvents);
      const moved = carry ? await next.append(events.map(({ seq: _seq, ...e }) => e), maxEvents) : [];
      replace([...existing, ...moved].slice(-maxEvents));
      if (previous !== next) previous.close();
    },
    async loadMeta<T>(key: string) {
      await writes;
      return store.getMeta<T>(key);
    },
    saveMeta(key, value, atGeneration) {
      // A write asked for before a forget lands before it (and is cleared by it).
      return chainWrite(async () => {
        if (atGeneration === generation) await store.setMeta(key, value);
      });
    },
    async flush() {
      await writes;
    },
    async close() {
      await writes;
      store.close();
    },
  };
}
