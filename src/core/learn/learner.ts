import type { WireItem } from '../wire/wire.js';
import type { Pair } from './pairs.js';

export interface LearnerOptions {
  /** L2 pull of u toward 0, i.e. toward the site's model unchanged. */
  l2?: number;
  /** SGD step size. */
  lr?: number;
  /** Passes over the same pairs after which the learner rests until they change. */
  epochs?: number;
}

export const LEARNER_DEFAULTS = Object.freeze({ l2: 0.01, lr: 0.1, epochs: 10 });

const softplus = (x: number) => (x > 30 ? x : Math.log1p(Math.exp(x)));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The shopper's personal vector u, trained on their own pairs with a pairwise logistic loss:
 * mean over pairs of w·softplus(−u·(t_pos − t_neg)) + l2/2·|u|². Plain-JS SGD: the gradient of a
 * linear term is a few multiply-adds per pair, cheaper than any tfjs dispatch, and it behaves
 * the same on every backend. `step` stops at its time budget, so the worker can slot it
 * between reranks.
 */
// eslint-disable-next-line max-lines-per-function -- the learner's state (u and the pairs it steps through) is shared by every member
export function createLearner(dims: number, options: LearnerOptions = {}) {
  const { l2, lr, epochs } = { ...LEARNER_DEFAULTS, ...options };
  let u = new Float32Array(dims);
  let diffs = new Float32Array(0);
  let weights = new Float32Array(0);
  let count = 0;
  let cursor = 0;
  let order = new Uint32Array(0);
  let seen = 0; // pair updates since the pairs last changed
  let steps = 0;
  let seed = 1;
  const shuffle = () => {
    for (let i = count - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      const j = seed % (i + 1);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
  };

  return {
    get u(): Float32Array {
      return u;
    },
    get pairs(): number {
      return count;
    },
    get steps(): number {
      return steps;
    },
    /** True once it has made `epochs` passes over the current pairs (or has none). */
    get resting(): boolean {
      return seen >= epochs * count;
    },
    /** Replaces the training pairs (their vector differences are computed once, here). */
    setPairs(pairs: readonly Pair[], targetOf: (item: WireItem) => Float32Array): void {
      count = pairs.length;
      diffs = new Float32Array(count * dims);
      weights = new Float32Array(count);
      const mean = pairs.reduce((s, p) => s + p.weight, 0) / Math.max(1, count);
      pairs.forEach((p, i) => {
        const a = targetOf(p.pos);
        const b = targetOf(p.neg);
        for (let j = 0; j < dims; j++) diffs[i * dims + j] = a[j]! - b[j]!;
        weights[i] = p.weight / mean; // mean 1: the step size means the same for any history
      });
      order = Uint32Array.from({ length: count }, (_, i) => i);
      shuffle();
      cursor = 0;
      seen = 0;
    },
    /** Runs SGD until `budgetMs` of `clock` has passed (checked every 32 pairs) or it comes to rest; returns pairs used. */
    step(budgetMs: number, clock: () => number): number {
      if (count === 0 || seen >= epochs * count) return 0;
      const until = clock() + budgetMs;
      let done = 0;
      const decay = 1 - lr * l2;
      while (seen < epochs * count) {
        const i = order[cursor]!;
        const off = i * dims;
        let margin = 0;
        for (let j = 0; j < dims; j++) margin += u[j]! * diffs[off + j]!;
        const g = lr * weights[i]! * sigmoid(-margin);
        for (let j = 0; j < dims; j++) u[j] = u[j]! * decay + g * diffs[off + j]!;
        done++;
        seen++;
        if (++cursor === count) {
          cursor = 0;
          shuffle();
        }
        if ((done & 31) === 0 && clock() >= until) break;
      }
      steps++;
      return done;
    },
    /** The objective on the current pairs (for tests and benchmarks). */
    loss(): number {
      let total = 0;
      for (let i = 0; i < count; i++) {
        let margin = 0;
        for (let j = 0; j < dims; j++) margin += u[j]! * diffs[i * dims + j]!;
        total += weights[i]! * softplus(-margin);
      }
      let norm = 0;
      for (let j = 0; j < dims; j++) norm += u[j]! * u[j]!;
      return total / Math.max(1, count) + (l2 / 2) * norm;
    },
    /** Counts the current pairs as learned: u stays as it is until they change (restored from a rested save). */
    rest(): void {
      seen = epochs * count;
    },
    /** Starts again from u = 0 (the site's model), e.g. after a forget. */
    reset(): void {
      u = new Float32Array(dims);
      seen = 0;
    },
    /** Takes over a saved or broadcast u. */
    restore(saved: Float32Array): void {
      if (saved.length === dims) u = Float32Array.from(saved);
    },
  };
}

export type Learner = ReturnType<typeof createLearner>;
