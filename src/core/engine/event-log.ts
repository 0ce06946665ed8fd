import type { StoredEvent, WireEvent } from '../wire/wire.js';
import type { ForgetWire } from '../wire/wire.js';
import type { EventStore } from '../store/event-store.js';
import { matchesFilter } from '../wire/forget-filter.js';
import { createWriteChain } from './write-chain.js';

/** `seq` of an event whose write to the store has not finished yet. */
const PROVISIONAL = -1;

/** Stored order is seq order; this tab's still-provisional events stay last. */
const seqKey = (e: StoredEvent) => (e.seq === PROVISIONAL ? Infinity : e.seq);

/** The events of `remote` that `events` lacks, by `seq`. */
function unseen(events: readonly StoredEvent[], remote: readonly StoredEvent[]): StoredEvent[] {
  const known = new Set(events.map((e) => e.seq));
  return remote.filter((e) => !known.has(e.seq));
}

/** Puts `events` in stored order; false when they already were (the usual case: no sort then). */
function sortBySeq(events: StoredEvent[]): boolean {
  if (!events.some((e, i) => i > 0 && seqKey(events[i - 1]!) > seqKey(e))) return false;
  events.sort((a, b) => seqKey(a) - seqKey(b));
  return true;
}

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
 * The shopper's events in memory, written through to a store (`write-chain.ts`): a rank never
 * waits for the store.
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
  ingest(this: void, remote: readonly StoredEvent[]): void;
  /** Removes matching events from memory only (another tab already did it in the store). */
  forgetLocal(what: ForgetWire): void;
  /** Removes matching events from memory and, in write order, from the store. */
  forget(what: ForgetWire): Promise<void>;
  /** Switches stores; `carry` moves the events held into it, otherwise they are replaced by its own. */
  adoptStore(this: void, next: EventStore, carry: boolean): Promise<void>;
  loadMeta<T>(this: void, key: string): Promise<T | undefined>;
  /**
   * Writes in order with the events: one asked for before a forget lands before it (and is
   * cleared by it); dropped when `atGeneration` is stale by then.
   */
  saveMeta(this: void, key: string, value: unknown, atGeneration: number): Promise<void>;
  /** Resolves once every write asked for so far has finished. */
  flush(this: void): Promise<void>;
  /** Flushes, then closes the store. */
  close(): Promise<void>;
}

/** Loads the newest `maxEvents` events from `store` and keeps at most that many. */
export async function openEventLog(store: EventStore, maxEvents: number, listener: EventLogListener): Promise<EventLog> {
  let events: StoredEvent[] = await store.load(maxEvents);
  const chain = createWriteChain(store);
  let revision = 0;
  let generation = 0;
  /** Appends `added` (then, if asked, puts all in stored order) and drops the oldest beyond maxEvents. */
  const add = (added: StoredEvent[], reorder: boolean) => {
    events.push(...added);
    listener.appended(added);
    if (reorder && sortBySeq(events)) listener.reset(); // events moved into the middle
    if (events.length > maxEvents) {
      const dropped = events.slice(0, events.length - maxEvents);
      events = events.slice(-maxEvents);
      listener.dropped(dropped);
    }
    revision++;
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
      return chain.store.kind;
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
      add(provisional, false);
      const stored = await chain.write((target) => target.append(batch, maxEvents));
      provisional.forEach((p, i) => (p.seq = stored[i]!.seq));
      return stored;
    },
    ingest(remote) {
      const fresh = unseen(events, remote);
      if (fresh.length > 0) add(fresh, true);
    },
    forgetLocal,
    forget(what) {
      forgetLocal(what);
      return chain.write(async (target) => {
        if ('all' in what) await target.clear();
        else await target.deleteWhere(what);
      });
    },
    async adoptStore(next, carry) {
      const previous = await chain.swap(next);
      const existing = await next.load(maxEvents);
      const moved = carry ? await next.append(events.map(({ seq: _seq, ...e }) => e), maxEvents) : [];
      replace([...existing, ...moved].slice(-maxEvents));
      if (previous !== next) previous.close();
    },
    loadMeta<T>(key: string) {
      return chain.read((target) => target.getMeta<T>(key));
    },
    saveMeta(key, value, atGeneration) {
      return chain.write(async (target) => {
        if (atGeneration === generation) await target.setMeta(key, value);
      });
    },
    flush: chain.settled,
    close: () => chain.read((target) => target.close()),
  };
}
