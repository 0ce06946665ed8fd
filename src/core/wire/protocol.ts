import type { BackendChoice, ConsentState, InterestProfile, Reason, ScorerName } from '../types.js';
import type { EncodedCandidates, ForgetWire, RankKnobs, StoredEvent, WireEvent } from './wire.js';

/**
 * The page ↔ worker contract, and nothing else. Every argument and result is plain,
 * structured-clone-safe data (rank's candidates travel as strings of JSON, its order and scores
 * as transferred typed arrays: the cheapest shapes to cross for a 1,000-item list). Errors
 * cross as `{ name, message }`, so callers match on `name`.
 */
export interface LearningStatus {
  /** This worker holds the training lock. */
  training: boolean;
  /** Training steps this worker ran. */
  steps: number;
  pairs: number;
  /** Done with the current pairs; wakes up when events change. */
  resting: boolean;
  /** |u|: 0 is the site's model unchanged. */
  norm: number;
  /** u came from IndexedDB at start-up. */
  restored: boolean;
  /**
   * Worker time spent learning per wake-up that did work (pairs rebuilt and/or steps run), in ms:
   * what a rank arriving at that moment may wait for. Steps are plain JS on every tfjs backend.
   */
  work: { wakeups: number; meanMs: number; maxMs: number };
}

export interface InitConfig {
  dbName: string;
  backend: BackendChoice;
  modelUrl?: string;
  /** Base URL of the SDK's static files (wasm binaries): the worker may run from a blob: URL. */
  assetBase: string;
  /** Cap on stored events; default `LIMITS.maxEvents`. */
  maxEvents?: number;
  /** Default 'granted'. */
  consent?: ConsentState;
  /** Debug: the page records stage timings (`core/timings.ts`), so the worker records its own from init on. */
  timings?: boolean;
  /** The page runs with `HEARTH_DEBUG`: the worker logs its own decisions too (`core/log.ts`). */
  debug?: boolean;
}

export interface WorkerReady {
  /** From `init`: `'js'` (the plain-JS bridge answers ranks). From `ready`: the backend that scores from then on. */
  backend: ScorerName;
  events: number;
  /** 'memory' when IndexedDB was unavailable (private modes): history lasts for this tab only. */
  store: 'indexeddb' | 'memory';
  modelVersion: string;
}

export interface WorkerRankResult {
  /** Candidate indices, best first. Its buffer is transferred, not copied. */
  order: Int32Array;
  /** Model score per candidate index (not per place). Transferred. */
  scores: Float32Array;
  /** `reasons[k]` explains `order[k]`, for the first places only (those the engine explains). */
  reasons: Reason[][];
  backend: ScorerName | 'none';
  epsilon?: number;
  /** Candidate indices the shop's rules left out (absent from `order`). */
  excluded?: number[];
}


/** Worker-side counters for leak tests and benchmarks; not part of the public page API. */
export interface WorkerDiagnostics {
  /** The backend chosen (diagnostics waits for the choice). */
  backend: ScorerName;
  /** Live tfjs tensors: unchanged across reranks when nothing leaks. */
  tensors: number;
  /** Bytes held by tfjs on its backend (0 where the backend does not say). */
  tensorBytes: number;
  /** JS heap of the worker in bytes, where the browser exposes it (Chromium), else undefined. */
  heapBytes?: number;
  /** The on-device learner (`src/worker/learn-loop.ts`): whether this worker trains, and how far. */
  learning?: LearningStatus;
  /** Stage timings of the worker's ranks, only while `globalThis.HEARTH_TIMINGS` is an array in the worker (`core/timings.ts`). */
  rankTimings?: Array<Record<string, number | string>>;
}

export interface WorkerApi {
  /** Answers at once, without waiting for init: the page's liveness probe. */
  ping(): Promise<true>;
  /** Opens the store and starts answering (plain-JS scorer first); memoised. Every other call waits for it. */
  init(config: InitConfig): Promise<WorkerReady>;
  /** Resolves once the tfjs backend has been chosen and scores (or none could start: `'js'`). */
  ready(): Promise<WorkerReady>;
  track(events: WireEvent[]): Promise<void>;
  /** Candidates as `encodeCandidates` writes them (one JSON line each: see `core/candidate-wire.ts`). */
  rank(items: EncodedCandidates, knobs?: RankKnobs): Promise<WorkerRankResult>;
  profile(): Promise<InterestProfile>;
  export(): Promise<{ events: StoredEvent[]; profile: InterestProfile }>;
  forget(what: ForgetWire): Promise<void>;
  setConsent(state: ConsentState): Promise<void>;
  close(): Promise<void>;
  diagnostics(): Promise<WorkerDiagnostics>;
}
