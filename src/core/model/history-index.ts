import type { StoredEvent } from '../wire/wire.js';
import { SESSION_GAP_MS, eventWeight, richness, sessionBoostOf, STRENGTH, weighInOrder, type HistoryEntry } from './history.js';
import type { ModelParams } from './model-types.js';

/** One distinct item: its events oldest first, and its place in the recency list. */
interface Node {
  id: string;
  events: StoredEvent[];
  /** Position of each event in the whole stream (grows with every append; never reused). */
  ords: number[];
  newer: Node | undefined;
  older: Node | undefined;
}

/**
 * The event list arranged for the history fold, kept up to date as events come and go, so that
 * a rank right after a track does not walk all stored events again, as `buildHistory` does
 * (BENCHMARKS.md › Figures moved from code comments). It holds each item's events, the items in order of their newest event (a linked list:
 * an event moves its item to the front in O(1)), and where the chain of events that may form
 * the current session begins. `fold` then reads only the events of the `historyWindow` most
 * recent items — and computes every weight at fold time, in the same order as `buildHistory`,
 * so its result is identical to the full fold, bit for bit (not merely close: decay is not
 * folded in early as a factor, which would round differently). `test/unit/core-history-index`
 * checks that equivalence.
 *
 * It supports what the engine does between rebuilds: appending events (track, other tabs'
 * newest events) and pruning the oldest (the `maxEvents` cap). Anything else (a forget, events
 * sorted into the middle, another store) rebuilds it from the list.
 */
// eslint-disable-next-line max-lines-per-function -- append, dropOldest and fold keep one set of per-item arrays in step
export function createHistoryIndex(initial: readonly StoredEvent[] = []) {
  const nodes = new Map<string, Node>();
  let newest: Node | undefined;
  let nextOrd = 0;
  let last: StoredEvent | undefined;
  /**
   * Ordinal of the first event of the longest run ending at the newest event in which no two
   * neighbours are more than SESSION_GAP_MS apart: `buildHistory`'s session, if `now` is within
   * the gap of the newest event.
   */
  let chainStart = 0;

  const unlink = (node: Node) => {
    if (node.newer) node.newer.older = node.older;
    else newest = node.older;
    if (node.older) node.older.newer = node.newer;
    node.newer = node.older = undefined;
  };
  const pushNewest = (node: Node) => {
    node.older = newest;
    if (newest) newest.newer = node;
    newest = node;
  };

  function append(events: readonly StoredEvent[]): void {
    for (const e of events) {
      const ord = nextOrd++;
      // Same comparison as buildHistory's walk, from the newer event to the older one.
      if (!last || e.at - last.at > SESSION_GAP_MS) chainStart = ord;
      last = e;
      let node = nodes.get(e.item.id);
      if (node) {
        if (node !== newest) {
          unlink(node);
          pushNewest(node);
        }
      } else {
        node = { id: e.item.id, events: [], ords: [], newer: undefined, older: undefined };
        nodes.set(node.id, node);
        pushNewest(node);
      }
      node.events.push(e);
      node.ords.push(ord);
    }
  }

  /**
   * Forgets the oldest events, `dropped` (oldest first). Returns false, part-way, if they were
   * not the oldest held: the index is then wrong and must be rebuilt.
   */
  function dropOldest(dropped: readonly StoredEvent[]): boolean {
    for (const e of dropped) {
      const node = nodes.get(e.item.id);
      if (!node || node.events[0] !== e) return false;
      node.events.shift();
      node.ords.shift();
      if (node.events.length === 0) {
        unlink(node);
        nodes.delete(node.id);
      }
    }
    if (nodes.size === 0) last = undefined;
    return true;
  }

  append(initial);

  return {
    append,
    dropOldest,

    /** Distinct items held. */
    get items(): number {
      return nodes.size;
    },

    /** Exactly `buildHistory(events, params, now)` for the events held. */
    fold(params: ModelParams, now: number): HistoryEntry[] {
      const boost = sessionBoostOf(params);
      // buildHistory's walk starts its session at `now` and ends it at the first gap.
      const sessionFrom = boost !== 1 && last && !(now - last.at > SESSION_GAP_MS) ? chainStart : Infinity;
      const newestFirst: HistoryEntry[] = [];
      // buildHistory's own test (`length >= historyWindow` stops), so odd windows end alike.
      for (let node = newest; node && !(newestFirst.length >= params.historyWindow); node = node.older) {
        const { events, ords } = node;
        let k = events.length - 1;
        const first = events[k]!;
        const entry: HistoryEntry = { item: first.item, weight: 0, lastAt: first.at, strongest: first.type, events: 0 };
        let rich = richness(first.item);
        for (; k >= 0; k--) {
          const e = events[k]!;
          // The same updates, in the same (newest-first) order, as buildHistory.
          if (e.at > entry.lastAt) entry.lastAt = e.at;
          if (STRENGTH[e.type] > STRENGTH[entry.strongest]) entry.strongest = e.type;
          const r = richness(e.item);
          if (r > rich) {
            entry.item = e.item;
            rich = r;
          }
          entry.weight += eventWeight(e, params, now) * (ords[k]! >= sessionFrom ? boost : 1);
          entry.events += 1;
        }
        newestFirst.push(entry);
      }
      return weighInOrder(newestFirst, params);
    },
  };
}

export type HistoryIndex = ReturnType<typeof createHistoryIndex>;
