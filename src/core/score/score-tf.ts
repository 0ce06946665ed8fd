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

/** Whether `a` and `b` hold the same first `len` values. */
function sameValues(a: Float32Array, b: Float32Array, len: number): boolean {
  for (let i = 0; i < len; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The scoring graph on a tfjs backend. The history is uploaded already transposed (dims × m):
 * matMul with a transpose flag is several times slower on wasm (BENCHMARKS.md › Figures moved
 * from code comments). Only ops that every backend runs
 * correctly are used (no addN/split, which break WebGPU's 8-storage-buffer limit).
 *
 * The history changes far less often than the lists do (only when the shopper acts), so its
 * transposed upload — pre-multiplied by beta, which saves one op per call:
 * exp(beta·(c·h − 1)) = exp(c·(beta·h) − beta) — is kept on the backend and reused while the
 * history's values stay the same. A value check (m × dims floats) costs far less than an upload.
 */
export function createTfScorer(tf: Tf, backend: BackendName): Scorer {
  let kept: { input: Pick<ScoreInput, 'dims' | 'm' | 'beta'>; history: Float32Array; weights: Float32Array; mb: number; histT: tfc.Tensor2D; w: tfc.Tensor1D; pad: tfc.Tensor1D } | undefined;

  function release(): void {
    kept?.histT.dispose();
    kept?.w.dispose();
    kept?.pad.dispose();
    kept = undefined;
  }

  function historyTensors(input: ScoreInput): { histT: tfc.Tensor2D; w: tfc.Tensor1D; pad: tfc.Tensor1D; mb: number } {
    const { dims, m, beta } = input;
    if (kept) {
      const k = kept.input;
      const same = k.m === m && k.dims === dims && k.beta === beta && sameValues(kept.history, input.history, m * dims) && sameValues(kept.weights, input.weights, m);
      if (same) return kept;
      release();
    }
    const mb = bucket(m);
    const histT = new Float32Array(dims * mb);
    for (let h = 0; h < m; h++) {
      for (let j = 0; j < dims; j++) histT[j * mb + h] = beta * input.history[h * dims + j]!;
    }
    const w = new Float32Array(mb);
    w.set(input.weights.subarray(0, m));
    // Padded rows contribute 0, which beats every real row when all weights are negative (a
    // history of impressions only): they must never be the most-attended row. A large finite
    // value rather than -Infinity, which not every backend's float path keeps.
    const pad = new Float32Array(mb).fill(-1e30, m);
    kept = {
      input: { dims, m, beta },
      history: input.history.slice(0, m * dims),
      weights: input.weights.slice(0, m),
      mb,
      histT: tf.tensor2d(histT, [dims, mb]),
      w: tf.tensor1d(w),
      pad: tf.tensor1d(pad),
    };
    return kept;
  }

  return {
    backend,
    async score(input: ScoreInput): Promise<ScoreOutput> {
      const { dims, n, beta } = input;
      const nb = bucket(n);
      const cand = new Float32Array(nb * dims);
      cand.set(input.candidates.subarray(0, n * dims));
      const { histT, w, pad } = historyTensors(input);

      // tidy returns the two small results; large arrays are read outside it (reading inside is slow).
      const [scoresT, topT] = tf.tidy((): [tfc.Tensor1D, tfc.Tensor1D] => {
        const kernel = tf.exp(tf.sub(tf.matMul(tf.tensor2d(cand, [nb, dims]), histT), beta));
        const contributions = tf.mul(kernel, w);
        return [tf.sum(contributions, 1), tf.argMax(tf.add(contributions, pad), 1)];
      });
      try {
        const [s, t] = await Promise.all([scoresT.data(), topT.data()]);
        return { scores: Float32Array.from((s as Float32Array).subarray(0, n)), top: Int32Array.from((t as Int32Array).subarray(0, n)) };
      } finally {
        scoresT.dispose();
        topT.dispose();
      }
    },
    dispose() {
      release();
    },
  };
}
