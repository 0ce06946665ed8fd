import { createJsScorer } from '../core/score/score-js.js';
import type { Scorer } from '../core/score/scorer.js';
import { lastStamps, stamp } from '../core/timings.js';

/**
 * The engine's scorer from the moment the store is open: the plain-JS reference scorer
 * (`score-js.ts`, the exact math every tfjs backend is tested against) answers at once, and
 * `swap` hands over to the tfjs scorer once that has passed its self-test. So the first
 * personalised rerank never waits for tfjs to load, compile wasm or warm up shaders.
 */
export interface BridgeScorer extends Scorer {
  /** Scores from the next call on with `next` (already self-tested). */
  swap(next: Scorer): void;
}

/** `onBridgeScore` hears of every score made by the JS reference while it stands in. */
export function createBridgeScorer(onBridgeScore: () => void): BridgeScorer {
  let current: Scorer = createJsScorer();
  let pending: Scorer | undefined;
  return {
    // The engine reads this right after its score, in the same task: the hand-over happens at
    // the start of a score (never in between), so a result always names the scorer that made it.
    get backend() {
      return current.backend;
    },
    score(input) {
      if (pending) {
        current.dispose();
        current = pending;
        pending = undefined;
      }
      if (current.backend === 'js') onBridgeScore();
      const t = lastStamps();
      stamp(t, 'scoreStart');
      const out = current.score(input);
      if (t) void out.then(() => stamp(t, 'scoreEnd'), () => undefined);
      return out;
    },
    swap(next) {
      pending?.dispose();
      pending = next;
    },
    dispose() {
      current.dispose();
      pending?.dispose();
      pending = undefined;
    },
  };
}
