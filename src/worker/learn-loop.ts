import type { WorkerEngine } from '../core/engine/engine.js';
import { debug } from '../core/log.js';
import type { LearningStatus } from '../core/wire/protocol.js';
import { buildPairs, pairsKey } from '../core/learn/pairs.js';
import { createLearner, type Learner, type LearnerOptions } from '../core/learn/learner.js';

/** Shopper data (not `public:`): forget-all and consent 'denied' clear it with the events. */
export const LEARNER_META_KEY = 'personal:learner';

/** Longest one training step may run; reranks queue behind it at most this long. */
export const STEP_BUDGET_MS = 5;

interface SavedLearner {
  format: 1;
  modelVersion: string;
  u: Float32Array;
  savedAt: number;
  /** `pairsKey` of the pairs u was trained on, when it had come to rest on them. */
  restedOn?: number;
}

type LearnMessage = { modelVersion: string; u: Float32Array | null };


export interface LearningOptions extends LearnerOptions {
  /** Pause between steps while learning (ms); default 15. */
  busyMs?: number;
  /** Pause between checks for new events when at rest (ms); default 500. */
  idleMs?: number;
  /** How often a tab without the lock tries again to take it (ms); default 3,000. */
  retryMs?: number;
  /** How often, at most, u is written to IndexedDB and broadcast while learning (ms); default 1,000. */
  saveMs?: number;
  clock?: () => number;
}

/**
 * The feedback loop in the worker: learns the shopper's personal term from their own
 * impressions → clicks/carts/purchases, in steps of at most STEP_BUDGET_MS scheduled with
 * setTimeout, so a rerank waits for one step at most. Only one tab per database trains: the
 * one holding the Web Lock `hearth-train:<dbName>` (released when its worker ends, and then
 * taken by another tab). The trainer saves u beside the events and broadcasts it; the other
 * tabs apply what they receive. Anything that removes events (forget, consent) starts u again
 * from 0 and from what is left, so nothing forgotten survives in u.
 */
// eslint-disable-next-line max-lines-per-function -- the schedule (timers, the training lock, the tab channel) and its status share one state
export function startLearning(engine: WorkerEngine, dbName: string, options: LearningOptions = {}) {
  const busyMs = options.busyMs ?? 15;
  const idleMs = options.idleMs ?? 500;
  const retryMs = options.retryMs ?? 3000;
  const saveMs = options.saveMs ?? 1000;
  const clock = options.clock ?? (() => performance.now());
  let modelVersion = engine.model.version;
  let learner: Learner = createLearner(engine.model.params.dims, options);
  let training = false;
  let closed = false;
  let restored = false;
  let seenRevision = -1;
  let seenGeneration = engine.generation;
  let lastSave = 0;
  let unsaved = false;
  // A save that had come to rest: if the first pairs built are the same ones, u stays as saved
  // (training them again from u would move it, and the order, on a reload with nothing new).
  let restedOn: number | undefined;
  let currentKey = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let release: (() => void) | undefined;

  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`hearth-learn:${dbName}`);
  const apply = () => {
    const u = learner.u;
    engine.setPersonal(u.some((x) => x !== 0) ? { modelVersion, u: Float32Array.from(u) } : undefined);
  };
  const publish = (msg: LearnMessage) => {
    try {
      channel?.postMessage(msg);
    } catch (err) {
      debug('learner broadcast failed', err);
    }
  };

  if (channel) {
    channel.onmessage = (e: MessageEvent<LearnMessage>) => {
      const msg = e.data;
      if (training || !msg || msg.modelVersion !== modelVersion) return;
      if (msg.u === null) learner.reset();
      else if (msg.u instanceof Float32Array) learner.restore(msg.u);
      apply();
    };
  }

  // What an earlier session learned applies at once; training starts after it is read, so a
  // first step never races the saved state.
  const loadedAt = engine.generation;
  const loaded = engine
    .loadMeta<SavedLearner | null>(LEARNER_META_KEY)
    .then((saved) => {
      if (!saved || saved.format !== 1 || saved.modelVersion !== modelVersion || !(saved.u instanceof Float32Array)) return;
      if (engine.generation !== loadedAt) return; // events were removed meanwhile: it no longer holds
      learner.restore(saved.u);
      restedOn = saved.restedOn;
      restored = true;
      apply();
    })
    .catch((err: unknown) => debug('learner state unreadable', err));

  const save = () => {
    lastSave = clock();
    unsaved = false;
    const u = learner.pairs > 0 ? Float32Array.from(learner.u) : null;
    // Written through the engine's chain: a forget asked for later still clears it.
    const value: SavedLearner | null = u ? { format: 1, modelVersion, u, savedAt: Date.now(), ...(learner.resting ? { restedOn: currentKey } : {}) } : null;
    engine.saveMeta(LEARNER_META_KEY, value, engine.generation).catch((err: unknown) => debug('learner state not saved', err));
    publish({ modelVersion, u });
  };

  const work = { wakeups: 0, totalMs: 0, maxMs: 0 };
  const tick = () => {
    timer = undefined;
    if (closed) return;
    if (engine.model.version !== modelVersion) {
      // Another model's vectors live in another space: what was learned does not carry over.
      modelVersion = engine.model.version;
      learner = createLearner(engine.model.params.dims, options);
      restedOn = undefined;
      seenRevision = -1;
      apply();
    }
    if (engine.generation !== seenGeneration) {
      seenGeneration = engine.generation;
      learner.reset();
      restedOn = undefined;
      seenRevision = -1;
      unsaved = training;
      apply();
    }
    if (training) {
      const began = clock();
      let worked = false;
      if (engine.revision !== seenRevision) {
        seenRevision = engine.revision;
        const pairs = buildPairs(engine.allEvents(), engine.model.params, Date.now());
        learner.setPairs(pairs, (item) => engine.targetVector(item));
        currentKey = pairsKey(pairs);
        if (restedOn === currentKey) learner.rest();
        restedOn = undefined;
        worked = true;
      }
      if (learner.step(STEP_BUDGET_MS, clock) > 0) {
        apply();
        unsaved = true;
        worked = true;
      }
      if (worked) {
        const spent = clock() - began;
        work.wakeups++;
        work.totalMs += spent;
        if (spent > work.maxMs) work.maxMs = spent;
      }
      if (unsaved && (learner.resting || clock() - lastSave >= saveMs)) save();
    }
    timer = setTimeout(tick, training && !learner.resting ? busyMs : idleMs);
  };

  const acquire = () => {
    retry = undefined;
    if (closed) return;
    const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
    if (!locks) {
      // No Web Locks (Node, very old browsers): there is no other tab to defer to.
      training = true;
      return;
    }
    let got = false;
    locks
      .request(`hearth-train:${dbName}`, { ifAvailable: true }, async (lock) => {
        if (!lock || closed) return;
        got = true;
        training = true;
        seenRevision = -1; // rebuild pairs from this tab's (synchronised) events
        // Held until close or the worker ends; the browser then hands it to a waiting tab.
        await new Promise<void>((resolve) => (release = resolve));
      })
      .then(() => {
        training = false;
        if (!got && !closed) retry = setTimeout(acquire, retryMs);
      })
      .catch((err: unknown) => debug('training lock unavailable', err));
  };

  acquire();
  void loaded.then(() => {
    if (!closed) timer = setTimeout(tick, 0);
  });

  return {
    status(): LearningStatus {
      let norm = 0;
      for (const x of learner.u) norm += x * x;
      const meanMs = work.wakeups ? work.totalMs / work.wakeups : 0;
      return { training, steps: learner.steps, pairs: learner.pairs, resting: learner.resting && !unsaved, norm: Math.sqrt(norm), restored, work: { wakeups: work.wakeups, meanMs, maxMs: work.maxMs } };
    },
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      if (retry) clearTimeout(retry);
      release?.();
      channel?.close();
    },
  };
}

export type Learning = ReturnType<typeof startLearning>;
