import type { StoredEvent, WireEvent, WireItem } from '../wire/wire.js';
import type { ForgetWire } from '../wire/wire.js';
import { LIMITS } from '../wire/limits.js';
import type { EventStore } from '../store/event-store.js';
import type { InterestModel } from '../model/model-types.js';
import type { Scorer } from '../score/scorer.js';
import { createVectorCache } from '../model/vector-cache.js';
import { scoreList } from '../rank/score-list.js';
import type { HistoryEntry } from '../model/history.js';
import { createHistoryIndex, type HistoryIndex } from '../model/history-index.js';
import { arrange } from '../rank/arrange.js';
import type { RankKnobs } from '../wire/wire.js';
import { secureUniform, type Uniform } from '../rank/random.js';
import { matchesFilter } from '../wire/forget-filter.js';
import { nextReason, reasonsFor } from './reasons.js';
import { withoutRepeatedOrders } from './repeat-orders.js';
import { buildProfile } from './profile.js';
import { topAttention } from './top-attention.js';
import type { InterestProfile, Reason } from '../types.js';
import { boughtReason } from '../learn/repurchase.js';
import { learnedReason, type PersonalTerm } from '../learn/personal-term.js';


/** Reasons are worked out for this many top places of a ranked list. */
export const REASONED_PLACES = 200;

/** `seq` of an event whose write to the store has not finished yet. */
const PROVISIONAL = -1;

export interface EngineOptions {
  store: EventStore;
  model: InterestModel;
  scorer: Scorer;
  /** Events kept in storage and memory; default `LIMITS.maxEvents`. */
  maxEvents?: number;
  /** Clock, injectable for replays and tests. */
  now?: () => number;
  /** Randomness for exploration and privacy noise; default crypto-strength. Seed it for replays. */
  random?: Uniform;
}

export interface EngineRankResult {
  /** Indices into the candidates, best first. */
  order: number[];
  /** Model score per candidate index (not per position). */
  scores: number[];
  /** Reasons per candidate index. */
  reasons: Reason[][];
  /** ε per position when privacy noise was applied. */
  epsilon?: number;
  /** Scorer backend, or 'none' when there was nothing to score (empty history). */
  backend: string;
  /** Time spent in the engine, ms. */
  ms: number;
}

/**
 * The use cases, with no DOM and no tfjs import: the same code ranks in the worker, in Node
 * benchmarks and in unit tests. State (the event list) is kept in memory and written through
 * to the store, so a rank never waits for IndexedDB.
 */
export async function createEngine(options: EngineOptions) {
  const { scorer } = options;
  let store = options.store;
  const maxEvents = options.maxEvents ?? LIMITS.maxEvents;
  const now = options.now ?? Date.now;
  const random = options.random ?? secureUniform();
  let model = options.model;
  let vectors = createVectorCache(model);
  let events: StoredEvent[] = await store.load(maxEvents);
  // The events arranged for folding, kept in step with `events` on appends and pruning (a rank
  // after a track then folds only the recent items' events); undefined = rebuild from `events`.
  let index: HistoryIndex | undefined;
  let history: HistoryEntry[] | undefined;
  let historyBuiltAt = 0;
  // Writes are chained so events reach the store in the order they were tracked.
  let writes: Promise<unknown> = Promise.resolve();
  // The on-device learner watches these: `revision` moves on every change to the events,
  // `generation` whenever events are removed (what it learned from them must go too).
  let revision = 0;
  let generation = 0;
  let personal: PersonalTerm | undefined;

  // Decay moves slowly, so the folded history is reused for a minute unless events change.
  const currentHistory = (): HistoryEntry[] => {
    const t = now();
    if (!history || t - historyBuiltAt > 60_000) {
      index ??= createHistoryIndex(events);
      history = index.fold(model.params, t);
      historyBuiltAt = t;
    }
    return history;
  };

  /** Appends events in stored order, the index with them. */
  const append = (added: StoredEvent[]) => {
    events.push(...added);
    index?.append(added);
  };
  /** Keeps at most maxEvents, dropping the oldest (from the index too). */
  const prune = () => {
    if (events.length <= maxEvents) return;
    const dropped = events.slice(0, events.length - maxEvents);
    events = events.slice(-maxEvents);
    if (index && !index.dropOldest(dropped)) index = undefined;
  };

  function chainWrite<T>(op: () => Promise<T>): Promise<T> {
    const next = writes.then(op);
    writes = next.catch(() => undefined);
    return next;
  }

  return {
    get model() {
      return model;
    },
    get eventCount() {
      return events.length;
    },
    /** Items whose vectors are cached in memory (emptied by any forget). */
    get cachedItems() {
      return vectors.size;
    },

    /** Records validated events; resolves with them as stored (with their `seq`). */
    async track(input: WireEvent[]): Promise<StoredEvent[]> {
      const batch = withoutRepeatedOrders(input, events);
      if (batch.length === 0) return [];
      // Visible to the next rank at once; seq is provisional until the store assigns it.
      const provisional = batch.map((e) => ({ ...e, seq: PROVISIONAL }));
      append(provisional);
      prune();
      history = undefined;
      revision++;
      const stored = await chainWrite(() => store.append(batch, maxEvents));
      provisional.forEach((p, i) => (p.seq = stored[i]!.seq));
      return stored;
    },

    /**
     * Merges events another tab wrote to the same store, each at most once (by `seq`), so
     * every tab ranks with the whole history without re-reading IndexedDB.
     */
    ingest(remote: readonly StoredEvent[]): void {
      const known = new Set(events.map((e) => e.seq));
      const fresh = remote.filter((e) => !known.has(e.seq));
      if (fresh.length === 0) return;
      append(fresh);
      // Stored order is seq order; this tab's still-provisional events stay last. Usually the
      // fresh events are the newest stored ones and the list is already in order: skip the sort.
      const key = (e: StoredEvent) => (e.seq === PROVISIONAL ? Infinity : e.seq);
      if (events.some((e, i) => i > 0 && key(events[i - 1]!) > key(e))) {
        events.sort((a, b) => key(a) - key(b));
        index = undefined; // events moved into the middle: rebuild
      }
      prune();
      history = undefined;
      revision++;
    },

    /** Applies, in memory only, a forget that another tab already made in the shared store. */
    forgetLocal(what: ForgetWire): void {
      events = 'all' in what ? [] : events.filter((e) => !matchesFilter(e, what));
      // The item caches hold what the shopper's lists and history contained: they go too.
      vectors = createVectorCache(model);
      index = undefined;
      history = undefined;
      revision++;
      generation++;
    },

    /**
     * Scores `candidates` against the history and orders them: blended with the original
     * position, then the optional knobs (exploration, diversity, privacy noise), with reasons.
     */
    async rank(candidates: WireItem[], knobs: RankKnobs = {}): Promise<EngineRankResult> {
      const started = now();
      const n = Math.min(candidates.length, LIMITS.maxCandidates);
      const hist = currentHistory();
      const head = candidates.slice(0, n);
      const tail = Array.from({ length: candidates.length - n }, (_, k) => n + k);
      if (hist.length === 0 || n === 0) {
        // Nothing known: the shop's order, untouched (knobs need something to work on).
        return { order: [...head.keys(), ...tail], scores: new Array(candidates.length).fill(0), reasons: candidates.map(() => []), backend: 'none', ms: now() - started };
      }
      const { dims, beta } = model.params;
      const { scores, out, cand, histVecs, weights, lifted, learned, demotedBy } = await scoreList({ model, vectors, scorer, personal }, head, hist, knobs);
      const attention = topAttention(out.top, cand, histVecs, weights, dims, beta);
      const placed = arrange(scores, attention.similarity, cand, dims, model.params.positionWeight, knobs, random);
      // Reasons for the places a shopper can see; items further down get none (a 1,000-item list stays cheap).
      const reasons: Reason[][] = head.map(() => []);
      for (const i of placed.order.slice(0, REASONED_PLACES)) {
        const moves = { explored: placed.explored[i]!, diversified: placed.diversified[i]! };
        const bought = demotedBy[i];
        reasons[i] = bought ? [boughtReason(head[i]!, bought), ...reasonsFor(head[i]!, undefined, 0, moves)] : reasonsFor(head[i]!, hist[out.top[i]!], attention.contribution(i), moves);
        const lift = bought ? undefined : lifted?.[i];
        const next = lift ? nextReason(hist[lift.from]!, lift.factor) : undefined;
        if (next) reasons[i]!.push(next);
        const why = !bought && learned ? learnedReason(learned[i]!) : undefined;
        if (why) reasons[i]!.push(why);
      }
      return {
        order: [...placed.order, ...tail],
        scores: [...scores, ...tail.map(() => 0)],
        reasons: [...reasons, ...tail.map(() => [])],
        backend: scorer.backend,
        ms: now() - started,
        ...(placed.epsilon === undefined ? {} : { epsilon: placed.epsilon }),
      };
    },

    /**
     * The scores `rank` would return for the list (per candidate index, past the cap 0), without
     * ordering or reasons: what an accuracy replay reads.
     */
    async scores(candidates: WireItem[]): Promise<Float32Array> {
      const n = Math.min(candidates.length, LIMITS.maxCandidates);
      const hist = currentHistory();
      const all = new Float32Array(candidates.length);
      if (hist.length === 0 || n === 0) return all;
      all.set((await scoreList({ model, vectors, scorer, personal }, candidates.slice(0, n), hist, {})).scores);
      return all;
    },

    /** The shopper's interests, from all stored events (not only the model's window). */
    profile(): InterestProfile {
      return buildProfile(events, model.params, now());
    },

    /** Every stored event, oldest first (for export). */
    allEvents(): readonly StoredEvent[] {
      return events;
    },

    async forget(what: ForgetWire): Promise<void> {
      this.forgetLocal(what);
      await chainWrite(async () => {
        if ('all' in what) await store.clear();
        else await store.deleteWhere(what);
      });
    },

    /** Kind of the store events are written to now. */
    get storeKind(): EventStore['kind'] {
      return store.kind;
    },

    /**
     * Switches where events are written (consent changes). With `carry`, the events in memory
     * move into the new store after what it already holds; without, memory is replaced by it.
     */
    async adoptStore(next: EventStore, carry: boolean): Promise<void> {
      await writes;
      const previous = store;
      store = next;
      const existing = await next.load(maxEvents);
      const moved = carry ? await next.append(events.map(({ seq: _seq, ...e }) => e), maxEvents) : [];
      events = [...existing, ...moved].slice(-maxEvents);
      index = undefined;
      history = undefined;
      revision++;
      generation++;
      if (previous !== next) previous.close();
    },

    /** Swaps in another model (site-trained weights arriving after start-up). */
    setModel(next: InterestModel): void {
      model = next;
      vectors = createVectorCache(next);
      history = undefined;
      revision++;
    },

    /** Changes whenever the events change (the learner rebuilds its pairs). */
    get revision(): number {
      return revision;
    },
    /** Changes whenever events are removed or replaced (the learner starts again from what is left). */
    get generation(): number {
      return generation;
    },
    /** The learned personal term added to every score (`src/learn`); undefined for none. */
    setPersonal(term: PersonalTerm | undefined): void {
      personal = term;
    },
    /** An item's candidate-role vector under the current model. */
    targetVector(item: WireItem): Float32Array {
      return vectors.get(item, 'target');
    },
    async loadMeta<T>(key: string): Promise<T | undefined> {
      await writes;
      return store.getMeta<T>(key);
    },
    /**
     * Writes shopper data beside the events, in order with them: a write asked for before a
     * forget lands before it (and is cleared by it); one whose `generation` is stale is dropped.
     */
    saveMeta(key: string, value: unknown, atGeneration: number): Promise<void> {
      return chainWrite(async () => {
        if (atGeneration === generation) await store.setMeta(key, value);
      });
    },

    /** History as the model sees it now (for explanations and tests). */
    history(): readonly HistoryEntry[] {
      return currentHistory();
    },

    async flush(): Promise<void> {
      await writes;
    },

    async close(): Promise<void> {
      await writes;
      store.close();
      scorer.dispose();
    },
  };
}

export type Engine = Awaited<ReturnType<typeof createEngine>>;
