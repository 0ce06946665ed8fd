import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createBridgeScorer } from '../../src/worker/bridge-scorer.js';
import { scheduleBackendStart } from '../../src/worker/backend-schedule.js';
import { startLazyBackend } from '../../src/worker/lazy-backend.js';
import { TF_GLOBAL, WORKER_SIDE_FILES } from '../../src/worker/tf/chunk-files.js';
import { scoreReference } from '../../src/core/score/score-js.js';
import type { ScoreInput, Scorer } from '../../src/core/score/scorer.js';

const input: ScoreInput = {
  dims: 2,
  n: 2,
  candidates: Float32Array.from([1, 0, 0, 1]),
  m: 2,
  history: Float32Array.from([0.6, 0.8, 1, 0]),
  weights: Float32Array.from([1, 0.5]),
  beta: 3,
};

/** A stand-in for a tfjs scorer: a fixed answer, so it is told apart from the reference. */
function fakeTfScorer(backend: 'wasm' | 'cpu' = 'wasm'): Scorer & { disposed: number } {
  return {
    backend,
    disposed: 0,
    score: async () => ({ scores: Float32Array.from([7, 7]), top: Int32Array.from([0, 0]) }),
    dispose() {
      this.disposed++;
    },
  };
}

describe('bridge scorer (answers before tfjs is up)', () => {
  it('scores with the plain-JS reference, exactly, until a tfjs scorer is swapped in', async () => {
    const heard: string[] = [];
    const bridge = createBridgeScorer(() => heard.push('js'));
    expect(bridge.backend).toBe('js');
    expect(await bridge.score(input)).toEqual(scoreReference(input));
    expect(heard).toEqual(['js']);
  });

  it('hands over at the start of the next score, so a result names the scorer that made it', async () => {
    const bridge = createBridgeScorer(() => undefined);
    const tf = fakeTfScorer();
    bridge.swap(tf);
    expect(bridge.backend).toBe('js'); // nothing scored since the swap: still the reference
    const out = await bridge.score(input);
    expect(bridge.backend).toBe('wasm');
    expect([...out.scores]).toEqual([7, 7]);
  });

  it('stops reporting activity once tfjs scores, and disposes what it holds', async () => {
    let activity = 0;
    const bridge = createBridgeScorer(() => activity++);
    const first = fakeTfScorer('cpu');
    const second = fakeTfScorer('wasm');
    bridge.swap(first);
    bridge.swap(second); // replaced before use: disposed at once
    expect(first.disposed).toBe(1);
    await bridge.score(input);
    await bridge.score(input);
    expect(activity).toBe(0);
    bridge.dispose();
    expect(second.disposed).toBe(1);
  });
});

describe('backend schedule (when tfjs is loaded)', () => {
  afterEach(() => vi.useRealTimers());

  it('starts after the longest wait when the page ranks nothing', () => {
    vi.useFakeTimers();
    const start = vi.fn();
    scheduleBackendStart(start, { quietMs: 50, maxWaitMs: 1_000 });
    vi.advanceTimersByTime(999);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts once the page has been quiet after its first answers', () => {
    vi.useFakeTimers();
    const start = vi.fn();
    const s = scheduleBackendStart(start, { quietMs: 50, maxWaitMs: 1_000 });
    vi.advanceTimersByTime(100);
    s.activity();
    vi.advanceTimersByTime(30);
    s.activity(); // a second grid's rank: wait for quiet again
    vi.advanceTimersByTime(49);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5_000);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('does not wait past the longest wait under constant ranking, and never starts once cancelled', () => {
    vi.useFakeTimers();
    const start = vi.fn();
    const s = scheduleBackendStart(start, { quietMs: 50, maxWaitMs: 1_000 });
    for (let t = 0; t < 1_000; t += 20) {
      s.activity();
      vi.advanceTimersByTime(20);
    }
    expect(start).toHaveBeenCalledTimes(1);
    const cancelled = vi.fn();
    scheduleBackendStart(cancelled, { quietMs: 50, maxWaitMs: 1_000 }).cancel();
    vi.advanceTimersByTime(2_000);
    expect(cancelled).not.toHaveBeenCalled();
  });
});

describe('lazy backend', () => {
  const scope = globalThis as unknown as Record<string, unknown>;
  afterEach(() => {
    delete scope[TF_GLOBAL];
  });
  const now = (start: () => void) => {
    queueMicrotask(start);
    return { activity() {}, cancel() {} };
  };

  it("hands the chosen tfjs scorer over and reports its backend", async () => {
    const tf = fakeTfScorer('cpu');
    scope[TF_GLOBAL] = { selectBackend: async () => tf, tensorMemory: () => ({ tensors: 2, bytes: 8 }) };
    const used: Scorer[] = [];
    const lazy = startLazyBackend('cpu', 'http://x/', (s) => used.push(s), now);
    expect(await lazy.ready).toBe('cpu');
    expect(used).toEqual([tf]);
    expect(lazy.tensorMemory()).toEqual({ tensors: 2, bytes: 8 });
  });

  it("stays on the plain-JS reference ('js') when tfjs cannot be loaded", async () => {
    // Node has no importScripts: the same path as a hearth.tf.js the page cannot load.
    const used: Scorer[] = [];
    const lazy = startLazyBackend('auto', 'http://x/', (s) => used.push(s), now);
    expect(await lazy.ready).toBe('js');
    expect(used).toEqual([]);
    expect(lazy.tensorMemory()).toEqual({ tensors: 0, bytes: 0 });
  });

  it('a close before the start: ready rejects (HearthClosedError), tfjs is never loaded', async () => {
    const selectBackend = vi.fn();
    scope[TF_GLOBAL] = { selectBackend, tensorMemory: () => ({ tensors: 0, bytes: 0 }) };
    const lazy = startLazyBackend('auto', 'http://x/', () => undefined, () => ({ activity() {}, cancel() {} }));
    lazy.close();
    await expect(lazy.ready).rejects.toMatchObject({ name: 'HearthClosedError' });
    expect(selectBackend).not.toHaveBeenCalled();
  });
});

describe('worker files', () => {
  const dist = resolve(import.meta.dirname, '../../dist');
  it.skipIf(!existsSync(dist))('the build writes every file the worker imports (scripts/build.mjs ↔ chunk-files.ts)', () => {
    for (const f of ['hearth.worker.js', ...WORKER_SIDE_FILES]) expect(existsSync(resolve(dist, f)), f).toBe(true);
  });
});
