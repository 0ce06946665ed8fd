import { createWorkerEngine, type WorkerEngine } from '../core/engine/engine.js';
import type { EventStore } from '../core/store/event-store.js';
import { createDefaultModel } from '../core/model/model.js';
import type { InterestModel } from '../core/model/model-types.js';
import { createBridgeScorer } from './bridge-scorer.js';
import { startLazyBackend, type LazyBackend } from './lazy-backend.js';
import { loadModel } from './load-model.js';
import { createTabSync } from './tab-sync.js';
import { deleteDatabase, storeForConsent } from './consent-store.js';
import { createMemoryStore } from '../core/store/memory-store.js';
import { debug } from '../core/log.js';
import { startLearning, type Learning } from './learn-loop.js';
import type { ConsentState } from '../core/types.js';
import type { InitConfig, WorkerApi, WorkerReady } from '../core/wire/protocol.js';
import { decodeRankRequest, encodeRankResult } from './rank-codec.js';
import { HEARTH_ERRORS, hearthError } from '../core/errors.js';
import { startStamps, stamp, timingRecords, type Stamps } from '../core/timings.js';

/** Init's stamps, when the page asked for timings: from the worker's creation (its time origin) on. */
function startTimings(config: InitConfig, evaluatedAt: number | undefined): Stamps | undefined {
  const scope = globalThis as { HEARTH_TIMINGS?: unknown };
  if (config.timings && !Array.isArray(scope.HEARTH_TIMINGS)) scope.HEARTH_TIMINGS = [];
  const t = startStamps('worker init');
  if (t) t.created = performance.timeOrigin;
  if (t && evaluatedAt !== undefined) t.evaluated = performance.timeOrigin + evaluatedAt;
  return t;
}

/** The worker has its own global scope: the page's HEARTH_DEBUG arrives through init. */
function enableDebug(): void {
  (globalThis as { HEARTH_DEBUG?: boolean }).HEARTH_DEBUG = true;
  debug('debug mode on in the worker');
}

async function chooseModel(config: InitConfig, store: EventStore, onUpdate: (m: InterestModel) => void): Promise<InterestModel> {
  if (!config.modelUrl) return createDefaultModel();
  try {
    return await loadModel(config.modelUrl, store, onUpdate);
  } catch (err) {
    // A missing or broken model file must not cost the shopper personalisation altogether.
    debug('site model unavailable, using the zero-training model', err);
    return createDefaultModel();
  }
}

/**
 * The worker's side of the contract. `init` is memoised: every other call awaits it, so calls
 * the page made before start-up finished run in order once it has.
 */
// eslint-disable-next-line max-lines-per-function -- the worker's calls share its engine, backend and learner; each member is a few lines
export function createWorkerApi(evaluatedAt?: number): WorkerApi {
  type State = { engine: WorkerEngine; ready: WorkerReady; sync: ReturnType<typeof createTabSync>; learning: Learning; backend: LazyBackend };
  let started: Promise<State> | undefined;
  let consent: ConsentState = 'granted';
  let dbName = '';
  // Consent changes run one after another, never interleaved with each other.
  let consentChain: Promise<void> = Promise.resolve();

  const engineState = async (): Promise<State> => {
    if (!started) throw hearthError(HEARTH_ERRORS.state, 'init must be called first');
    return started;
  };
  const engine = async (): Promise<WorkerEngine> => (await engineState()).engine;

  return {
    async ping() {
      return true;
    },
    init(config) {
      started ??= (async () => {
        if (config.debug) enableDebug();
        const t = startTimings(config, evaluatedAt);
        consent = config.consent ?? 'granted';
        dbName = config.dbName;
        const store = await storeForConsent(consent, config.dbName);
        stamp(t, 'store');
        let eng: WorkerEngine | undefined;
        const model = await chooseModel(config, store, (m) => eng?.setModel(m));
        stamp(t, 'model');
        // Ranks are answered from here on by the plain-JS reference; tfjs loads once the first
        // answers are out and takes over after its self-test (bridge-scorer.ts, lazy-backend.ts).
        let backend: LazyBackend | undefined;
        const scorer = createBridgeScorer(() => backend?.activity());
        eng = await createWorkerEngine({ store, model, scorer, ...(config.maxEvents ? { maxEvents: config.maxEvents } : {}) });
        stamp(t, 'engine');
        backend = startLazyBackend(config.backend, config.assetBase, (tfScorer) => scorer.swap(tfScorer));
        if (t) void backend.ready.then(() => stamp(t, 'backend'), () => undefined);
        const ready: WorkerReady = { backend: 'js', events: eng.eventCount, store: store.kind, modelVersion: model.version };
        const sync = createTabSync(config.dbName, eng);
        // On-device learning runs in the background from here on (one tab at a time).
        const learning = startLearning(eng, config.dbName);
        return { engine: eng, ready, sync, learning, backend };
      })();
      return started.then((s) => ({ ...s.ready, events: s.engine.eventCount }));
    },
    async ready() {
      const s = await engineState();
      return { ...s.ready, backend: await s.backend.ready, events: s.engine.eventCount };
    },
    async track(events) {
      const { engine, sync } = await engineState();
      if (consent === 'denied') return; // the page drops these too; this guards a race with setConsent
      const t = startStamps('worker track');
      const stored = await engine.track(events);
      stamp(t, 'stored');
      // Only a shared (IndexedDB) store has other tabs to keep in step with.
      if (engine.storeKind === 'indexeddb') sync.publish({ kind: 'events', events: stored });
    },
    async rank(items, knobs) {
      const t = startStamps('worker rank');
      const eng = await engine();
      stamp(t, 'engine');
      const candidates = decodeRankRequest(items);
      stamp(t, 'decoded');
      const result = await eng.rank(candidates, knobs);
      stamp(t, 'ranked');
      const out = encodeRankResult(result);
      stamp(t, 'encoded');
      if (t) t.backend = result.backend;
      return out;
    },
    async profile() {
      return (await engine()).profile();
    },
    async export() {
      const eng = await engine();
      return { events: [...eng.allEvents()], profile: eng.profile() };
    },
    async forget(what) {
      const { engine, sync } = await engineState();
      await engine.forget(what);
      if (engine.storeKind === 'indexeddb') sync.publish({ kind: 'forget', what });
    },
    setConsent(next) {
      const run = async () => {
        const { engine, sync } = await engineState();
        const previous = consent;
        consent = next;
        if (next === previous) return;
        if (next === 'granted') {
          // What was held in memory while pending is now written, after what was stored before.
          await engine.adoptStore(await storeForConsent('granted', dbName), previous === 'pending');
        } else if (next === 'pending') {
          await engine.adoptStore(createMemoryStore(), true);
        } else {
          if (engine.storeKind === 'indexeddb') sync.publish({ kind: 'forget', what: { all: true } });
          await engine.forget({ all: true });
          await engine.adoptStore(createMemoryStore(), false); // closes the IndexedDB connection…
          await deleteDatabase(dbName); // …so the whole database can go
        }
      };
      consentChain = consentChain.then(run, run);
      return consentChain;
    },
    async close() {
      if (!started) return;
      const { engine, sync, learning, backend } = await started;
      learning.close();
      sync.close();
      backend.close();
      await engine.close();
    },
    async diagnostics() {
      const { learning, backend: lazy } = await engineState();
      // Counters of the backend that ranks from now on, so wait for it to be chosen.
      const backend = await lazy.ready;
      const { tensors, bytes } = lazy.tensorMemory();
      // performance.memory is Chromium-only and non-standard; absent elsewhere.
      const heap = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
      const rankTimings = timingRecords();
      return { backend, tensors, tensorBytes: bytes, learning: learning.status(), ...(heap === undefined ? {} : { heapBytes: heap }), ...(rankTimings ? { rankTimings } : {}) };
    },
  };
}
