import type { ScoreInput, ScoreOutput, Scorer } from './scorer.js';

/** The reference implementation: every backend's output is tested against this. */
export function scoreReference(input: ScoreInput): ScoreOutput {
  const { dims, candidates, n, history, m, weights, beta } = input;
  const scores = new Float32Array(n);
  const top = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    let total = 0;
    let best = -Infinity;
    let bestIndex = 0;
    const cBase = c * dims;
    for (let h = 0; h < m; h++) {
      const hBase = h * dims;
      let dot = 0;
      for (let j = 0; j < dims; j++) dot += candidates[cBase + j]! * history[hBase + j]!;
      const contribution = weights[h]! * Math.exp(beta * (dot - 1));
      total += contribution;
      if (contribution > best) {
        best = contribution;
        bestIndex = h;
      }
    }
    scores[c] = total;
    top[c] = bestIndex;
  }
  return { scores, top };
}

/**
 * `scoreReference`'s results, bit for bit, reading only each candidate's non-zero coordinates.
 * A zero-training list's vectors (`list-coordinates.ts`) are mostly zeros: each item holds a few
 * of the list's shared coordinates. A skipped term is 0 × a finite history value, ±0, which
 * leaves any running sum as it was (+0 + −0 is +0), so the sums are the same floats; a history
 * with a non-finite value (0 × ∞ is NaN) goes the reference's way.
 */
export function scoreSparse(input: ScoreInput): ScoreOutput {
  const { dims, candidates, n, history, m, weights, beta } = input;
  for (let i = 0; i < m * dims; i++) if (!Number.isFinite(history[i]!)) return scoreReference(input);
  const scores = new Float32Array(n);
  const top = new Int32Array(n);
  const at = new Int32Array(dims);
  const values = new Float64Array(dims);
  for (let c = 0; c < n; c++) {
    const cBase = c * dims;
    let nz = 0;
    for (let j = 0; j < dims; j++) {
      const v = candidates[cBase + j]!;
      if (v !== 0) {
        at[nz] = j;
        values[nz++] = v;
      }
    }
    let total = 0;
    let best = -Infinity;
    let bestIndex = 0;
    for (let h = 0; h < m; h++) {
      const hBase = h * dims;
      let dot = 0;
      for (let k = 0; k < nz; k++) dot += values[k]! * history[hBase + at[k]!]!;
      const contribution = weights[h]! * Math.exp(beta * (dot - 1));
      total += contribution;
      if (contribution > best) {
        best = contribution;
        bestIndex = h;
      }
    }
    scores[c] = total;
    top[c] = bestIndex;
  }
  return { scores, top };
}

export function createJsScorer(): Scorer {
  return {
    backend: 'js',
    score: (input) => Promise.resolve(scoreSparse(input)),
    dispose() {},
  };
}
