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

export function createJsScorer(): Scorer {
  return {
    backend: 'js',
    score: async (input) => scoreReference(input),
    dispose() {},
  };
}
