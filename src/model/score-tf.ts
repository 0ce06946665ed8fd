import type * as tfc from '@tensorflow/tfjs-core';
import type { BackendName } from '../types.js';
import type { ScoreInput, ScoreOutput, Scorer } from './scorer.js';

type Tf = typeof tfc;

/**
 * Shapes are padded up to powers of two (at least 16) so WebGPU/WebGL compile one shader per
 * bucket instead of one per list length; padded history rows have weight 0 and padded
 * candidates are dropped on read-back.
 */
export function bucket(size: number): number {
  let b = 16;
  while (b < size) b *= 2;
  return b;
}

/**
 * The scoring graph on a tfjs backend. The history is uploaded already transposed (dims × m):
 * matMul with a transpose flag is 8–10× slower on wasm. Only ops that every backend runs
 * correctly are used (no addN/split, which break WebGPU's 8-storage-buffer limit).
 */
export function createTfScorer(tf: Tf, backend: BackendName): Scorer {
  return {
    backend,
    async score(input: ScoreInput): Promise<ScoreOutput> {
      const { dims, n, m, beta } = input;
      const nb = bucket(n);
      const mb = bucket(m);
      const cand = new Float32Array(nb * dims);
      cand.set(input.candidates.subarray(0, n * dims));
      const histT = new Float32Array(dims * mb);
      for (let h = 0; h < m; h++) {
        for (let j = 0; j < dims; j++) histT[j * mb + h] = input.history[h * dims + j]!;
      }
      const w = new Float32Array(mb);
      w.set(input.weights.subarray(0, m));

      // tidy returns the two small results; large arrays are read outside it (reading inside is slow).
      const [scoresT, topT] = tf.tidy(() => {
        const sims = tf.matMul(tf.tensor2d(cand, [nb, dims]), tf.tensor2d(histT, [dims, mb]));
        const kernel = tf.exp(tf.mul(tf.sub(sims, 1), beta));
        const contributions = tf.mul(kernel, tf.tensor1d(w));
        return [tf.sum(contributions, 1), tf.argMax(contributions, 1)] as const;
      });
      try {
        const [s, t] = await Promise.all([scoresT.data(), topT.data()]);
        return { scores: Float32Array.from((s as Float32Array).subarray(0, n)), top: Int32Array.from((t as Int32Array).subarray(0, n)) };
      } finally {
        scoresT.dispose();
        topT.dispose();
      }
    },
    dispose() {},
  };
}
