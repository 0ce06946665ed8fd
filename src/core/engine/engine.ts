import type { StoredEvent, WireEvent, WireItem } from '../wire/wire.js';
import type { ForgetWire } from '../wire/wire.js';
import { LIMITS } from '../wire/limits.js';
import type { EventStore } from '../store/event-store.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createDefaultModel } from '../model/model.js';
import type { InterestModel } from '../model/model-types.js';
import type { HistoryEntry } from '../model/history.js';
import { createVectorCache } from '../model/vector-cache.js';
import type { Scorer } from '../score/scorer.js';
import { createJsScorer } from '../score/score-js.js';
import type { RankKnobs } from '../wire/wire.js';
import type { Uniform } from '../rank/random.js';
import { noChance, rankChance } from './rank-seed.js';
import type { PersonalTerm } from '../learn/personal-term.js';
import type { InterestProfile } from '../types.js';
import { openEventLog } from './event-log.js';
import { createHistoryCache } from './history-cache.js';
import { rankList, scoreOnly, type EngineRankResult } from './rank-pipeline.js';
import { withoutRepeatedOrders } from './repeat-orders.js';
import { buildProfile } from './profile.js';

export { REASONED_PLACES, type EngineRankResult } from './rank-pipeline.js';

export interface EngineOptions {
  /** Where events are kept; default an in-memory store (nothing outlives the engine). */
  store?: EventStore;
  /** Default the zero-training model (`createDefaultModel()`). */
  model?: InterestModel;
  /** Default the plain-JS reference scorer (`createJsScorer()`). */
  scorer?: Scorer;
  /** Events kept in storage and memory; default `LIMITS.maxEvents`. */
  maxEvents?: number;
  /** Clock, injectable for replays and tests. */
  now?: () => number;
  /**
   * One stream of randomness for every rank's exploration and privacy noise (tests). Default:
   * each rank draws from its own stream, seeded per shopper, day, history and list
   * (`rank-seed.ts`), so a reload with nothing new keeps its order.
   */
  random?: Uniform;
  /** The shopper's secret behind those streams; default one kept beside the events (`RANK_SEED_KEY`). Fix it for replays. */
  seed?: number;
}

/**
 * The use cases, with no DOM and no tfjs import: the same code ranks in the worker, in Node
 * benchmarks and in unit tests. Events are kept in memory and written through to the store,
 * so a rank never waits for it.
 */
export interface Engine {
  /** The model ranks use now. */
  readonly model: InterestModel;
  /** Events held, in memory as in the store. */
  readonly eventCount: number;
  /**
   * Records validated events (a purchase already recorded under its order id counts once);
   * resolves with them as stored, with their `seq`. A rank sees them at once.
   */
  track(events: WireEvent[]): Promise<StoredEvent[]>;
  /**
   * Scores `candidates` against the history and orders them: blended with the original
   * position, then the optional knobs (exploration, diversity, privacy noise), with reasons.
   */
  rank(candidates: WireItem[], knobs?: RankKnobs): Promise<EngineRankResult>;
  /**
   * The scores `rank` would return for `candidates` without knobs, with neither order nor reasons:
   * what an accuracy replay reads, at a fraction of a rank's cost.
   */
  scores(candidates: readonly WireItem[]): Promise<Float32Array>;
  /** The shopper's interests, from all stored events (not only the model's window). */
  profile(): InterestProfile;
  /** Every stored event, oldest first (for export). */
  allEvents(): readonly StoredEvent[];
  /** Removes all events, or those matching a filter, from memory at once and then from the store. */
  forget(what: ForgetWire): Promise<void>;
  /** Swaps in another model (site-trained weights arriving after start-up). */
  setModel(next: InterestModel): void;
  /** Resolves once every store write asked for so far has finished. */
  flush(): Promise<void>;
  /** Flushes, then closes the store and disposes the scorer. */
  close(): Promise<void>;
}

/** What only the worker (tab sync, consent, the on-device learner) and tests need; not published. */
export interface WorkerEngine extends Engine {
  /** Kind of the store events are written to now. */
  readonly storeKind: EventStore['kind'];
  /** Changes whenever the events or the model change (the learner rebuilds its pairs). */
  readonly revision: number;
  /** Changes whenever events are removed or replaced (the learner starts again from what is left). */
  readonly generation: number;
  /** Items whose vectors are cached in memory (emptied by any forget); for tests. */
  readonly cachedItems: number;
  /**
   * Merges events another tab wrote to the same store, each at most once (by `seq`), so
   * every tab ranks with the whole history without re-reading IndexedDB.
   */
  ingest(remote: readonly StoredEvent[]): void;
  /** Applies, in memory only, a forget that another tab already made in the shared store. */
  forgetLocal(what: ForgetWire): void;
  /**
   * Switches where events are written (consent changes). With `carry`, the events in memory
   * move into the new store after what it already holds; without, memory is replaced by it.
   */
  adoptStore(next: EventStore, carry: boolean): Promise<void>;
  /** The learned personal term added to every score (`core/learn`); undefined for none. */
  setPersonal(term: PersonalTerm | undefined): void;
  /** An item's candidate-role vector under the current model (the space the personal term lives in). */
  targetVector(item: WireItem): Float32Array;
  /** Reads shopper data kept beside the events, after the writes asked for before it. */
  loadMeta<T>(key: string): Promise<T | undefined>;
  /**
   * Writes shopper data beside the events, in order with them: a write asked for before a
   * forget lands before it (and is cleared by it); one whose `generation` is stale is dropped.
   */
  saveMeta(key: string, value: unknown, atGeneration: number): Promise<void>;
  /** History as the model sees it now (for explanations and tests). */
  history(): readonly HistoryEntry[];
}

/** The engine with the worker's members too: for the worker and in-repo tools and tests. */
export async function createWorkerEngine(options: EngineOptions = {}): Promise<WorkerEngine> {
  const { scorer = createJsScorer(), maxEvents = LIMITS.maxEvents, now = Date.now } = options;
  let model = options.model ?? createDefaultModel();
  let vectors = createVectorCache(model);
  let personal: PersonalTerm | undefined;
  let modelChanges = 0;
  const history = createHistoryCache(now);
  const log = await openEventLog(options.store ?? createMemoryStore(), maxEvents, history);
  // The item caches hold what the shopper's lists and history contained: a forget empties them too.
  const dropVectors = () => (vectors = createVectorCache(model));
  const chance = rankChance(log, now, options);

  return {
    get model() {
      return model;
    },
    get eventCount() {
      return log.events.length;
    },
    get cachedItems() {
      return vectors.size;
    },
    get storeKind() {
      return log.storeKind;
    },
    get revision() {
      return log.revision + modelChanges;
    },
    get generation() {
      return log.generation;
    },
    async track(input) {
      return log.append(withoutRepeatedOrders(input, log.events));
    },
    async rank(candidates, knobs = {}) {
      const started = now();
      const random = await chance.of(candidates, knobs);
      const hist = history.current(log.events, model.params);
      return rankList({ model, vectors, scorer, random, personal, now, events: log.events }, candidates, hist, knobs, started);
    },
    scores: (candidates) => scoreOnly({ model, vectors, scorer, random: noChance, personal, now, events: log.events }, candidates, history.current(log.events, model.params)),
    profile: () => buildProfile(log.events, model.params, now()),
    allEvents: () => log.events,
    ingest: log.ingest,
    forgetLocal(what) {
      log.forgetLocal(what);
      dropVectors();
      chance.forget();
    },
    async forget(what) {
      dropVectors();
      chance.forget();
      await log.forget(what);
    },
    adoptStore: log.adoptStore,
    setModel(next) {
      model = next;
      vectors = createVectorCache(next);
      history.stale();
      modelChanges++;
    },
    setPersonal(term) {
      personal = term;
    },
    targetVector: (item) => vectors.get(item, 'target'),
    loadMeta: log.loadMeta,
    saveMeta: log.saveMeta,
    history: () => history.current(log.events, model.params),
    flush: log.flush,
    async close() {
      await log.close();
      scorer.dispose();
    },
  };
}

/** Creates an engine; every option has a default, so `createEngine()` ranks with the zero-training model in memory. */
export const createEngine: (options?: EngineOptions) => Promise<Engine> = createWorkerEngine;
