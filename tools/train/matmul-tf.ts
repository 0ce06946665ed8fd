import { initTf } from '../eval/backend.js';
import { jsMatMul, type MatMul } from './matmul.js';

/** Where the trainer's matrix products run. */
export type TrainBackend = 'wasm' | 'cpu' | 'js';

/**
 * The trainer's matrix products on tfjs-wasm (SIMD): much faster than plain JS on the same core
 * (BENCHMARKS.md › Figures moved from code comments), and
 * deterministic (single-threaded kernels, fixed summation order). Falls back to JS.
 */
export async function createTrainMatMul(kind: TrainBackend = 'wasm'): Promise<MatMul> {
  if (kind === 'js') return jsMatMul;
  const tf = await initTf(kind);
  return (a, r, k, b, c) => {
    if (r === 0) return new Float32Array(0);
    const ta = tf.tensor2d(a, [r, k]);
    const tb = tf.tensor2d(b, [k, c]);
    const out = tf.matMul(ta, tb);
    const data = out.dataSync() as Float32Array;
    tf.dispose([ta, tb, out]);
    return data;
  };
}
