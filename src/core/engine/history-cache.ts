import type { StoredEvent } from '../wire/wire.js';
import type { HistoryEntry } from '../model/history.js';
import type { ModelParams } from '../model/model-types.js';
import { createHistoryIndex, type HistoryIndex } from '../model/history-index.js';
import type { EventLogListener } from './event-log.js';

/** A folded history is reused this long while the events stay the same: decay moves slowly. */
const REFOLD_MS = 60_000;

/**
 * Impressions stay out of the history a rank reads: a grid's own impressions, recorded on every
 * load, would otherwise move the next load's order with nothing new done. They still feed the
 * on-device learner's pairs and the shop's opt-in rotation, which read every event.
 */
const ranked = (events: readonly StoredEvent[]) => (events.some((e) => e.type === 'impression') ? events.filter((e) => e.type !== 'impression') : events);

/**
 * The history as the model sees it: the events arranged for folding (kept in step with the log
 * on appends and pruning, so a rank after a track folds only the recent items' events) and the
 * last fold. Listens to the event log; the engine tells it when the model changes.
 */
export interface HistoryCache extends EventLogListener {
  /** The folded history of `events` now, refolded when stale or older than a minute. */
  current(events: readonly StoredEvent[], params: ModelParams): HistoryEntry[];
  /** Drops the fold but keeps the index (the model changed, the events did not). */
  stale(): void;
}

export function createHistoryCache(now: () => number): HistoryCache {
  // undefined = rebuild from the events on the next fold.
  let index: HistoryIndex | undefined;
  let history: HistoryEntry[] | undefined;
  let builtAt = 0;
  return {
    current(events, params) {
      const t = now();
      if (!history || t - builtAt > REFOLD_MS) {
        index ??= createHistoryIndex(ranked(events));
        history = index.fold(params, t);
        builtAt = t;
      }
      return history;
    },
    appended(added) {
      index?.append(ranked(added));
      history = undefined;
    },
    dropped(dropped) {
      if (index && !index.dropOldest(ranked(dropped))) index = undefined;
      history = undefined;
    },
    reset() {
      index = undefined;
      history = undefined;
    },
    stale() {
      history = undefined;
    },
  };
}
