import type { RankKnobs, WireEvent, WireItem } from '../../src/core/wire/wire.js';
import { createWorkerEngine, type WorkerEngine } from '../../src/core/engine/engine.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import type { Scorer } from '../../src/core/score/scorer.js';
import { createMemoryStore } from '../../src/core/store/memory-store.js';
import { LIMITS } from '../../src/core/wire/limits.js';

/** Replayed histories start here, one event a minute (sequences carry order, not time). */
export const REPLAY_START = Date.UTC(2026, 0, 1);
export const REPLAY_STEP_MS = 60_000;

/** Candidates per engine.rank call when scoring a whole catalogue (a power of two under the engine's cap). */
export const RANK_CHUNK = Math.min(4096, LIMITS.maxCandidates);

/**
 * One engine, reused across users: `forget({ all: true })` clears the shopper's events but keeps
 * the engine's item-vector cache, so a catalogue's vectors are built once per model, exactly
 * as a long-lived worker would.
 */
export async function createReplayer(model: InterestModel, scorer: Scorer) {
  let clock = REPLAY_START;
  // A fixed secret: noise and exploration draw the same numbers run after run.
  const engine: WorkerEngine = await createWorkerEngine({ store: createMemoryStore(), model, scorer, now: () => clock, seed: 1 });
  return {
    engine,
    /** Replaces the engine's history with `items` tracked as clicks, oldest first. */
    async replay(items: readonly WireItem[]): Promise<void> {
      await engine.forget({ all: true });
      const events: WireEvent[] = items.map((item, i) => ({ type: 'click', item, at: REPLAY_START + i * REPLAY_STEP_MS }));
      clock = REPLAY_START + items.length * REPLAY_STEP_MS;
      await engine.track(events);
    },
    /** The engine's order (indices into `candidates`) for one list of at most RANK_CHUNK items. */
    async order(candidates: WireItem[], knobs: RankKnobs = {}): Promise<number[]> {
      return (await engine.rank(candidates, knobs)).order;
    },
    /** Engine scores of any number of candidates, scored in the chunks `engine.rank` would take. */
    async scores(candidates: WireItem[], out = new Float32Array(candidates.length)): Promise<Float32Array> {
      for (let start = 0; start < candidates.length; start += RANK_CHUNK) {
        // Score only: the same scores `engine.rank` returns, without ordering or reasons.
        out.set(await engine.scores(candidates.slice(start, start + RANK_CHUNK)), start);
      }
      return out;
    },
    async close(): Promise<void> {
      await engine.close();
    },
  };
}
