import { createEngine, type Engine } from '../engine/engine.js';
import { createMemoryStore } from '../store/memory-store.js';
import { openIdbStore } from '../store/idb-store.js';
import type { EventStore } from '../store/event-store.js';
import { createDefaultModel, type InterestModel } from '../model/model.js';
import { selectBackend, tensorMemory } from './select-backend.js';
import { loadModel } from './load-model.js';
import { debug } from '../core/log.js';
import type { BackendName } from '../types.js';
import type { InitConfig, WorkerApi, WorkerReady } from './protocol.js';

async function openStore(dbName: string): Promise<EventStore> {
  try {
    return await openIdbStore(dbName);
  } catch (err) {
    // Private modes and disabled storage: keep working for this tab, remember nothing.
    debug('IndexedDB unavailable, using memory', err);
    return createMemoryStore();
  }
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
export function createWorkerApi(): WorkerApi {
  let started: Promise<{ engine: Engine; ready: WorkerReady }> | undefined;

  const engineState = async (): Promise<{ engine: Engine; ready: WorkerReady }> => {
    if (!started) throw Object.assign(new Error('init must be called first'), { name: 'HearthStateError' });
    return started;
  };
  const engine = async (): Promise<Engine> => (await engineState()).engine;

  return {
    async ping() {
      return true;
    },
    init(config) {
      started ??= (async () => {
        const store = await openStore(config.dbName);
        let eng: Engine | undefined;
        const [scorer, model] = await Promise.all([
          selectBackend(config.backend, config.assetBase),
          chooseModel(config, store, (m) => eng?.setModel(m)),
        ]);
        eng = await createEngine({ store, model, scorer });
        const ready: WorkerReady = { backend: scorer.backend as BackendName, events: eng.eventCount, store: store.kind, modelVersion: model.version };
        return { engine: eng, ready };
      })();
      return started.then((s) => ({ ...s.ready, events: s.engine.eventCount }));
    },
    async track(events) {
      await (await engine()).track(events);
    },
    async rank(items) {
      const result = await (await engine()).rank(items);
      return { order: result.order, scores: result.scores, backend: result.backend as BackendName | 'none' };
    },
    async forget(what) {
      await (await engine()).forget(what);
    },
    async close() {
      if (started) await (await started).engine.close();
    },
    async diagnostics() {
      const { ready } = await engineState();
      const { tensors, bytes } = tensorMemory();
      // performance.memory is Chromium-only and non-standard; absent elsewhere.
      const heap = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
      return { backend: ready.backend, tensors, tensorBytes: bytes, ...(heap === undefined ? {} : { heapBytes: heap }) };
    },
  };
}
