/**
 * Entry of `hearth.tf.js`, the worker's tfjs half: tfjs-core, the wasm backend, the tfjs
 * scoring graph and the backend choice. The worker core (`hearth.worker.js`) answers ranks
 * with the plain-JS reference scorer and imports this file only once the first ranks are
 * answered (`../backend-schedule.ts`), so evaluating tfjs stays off the first personalised
 * rerank (sizes: BENCHMARKS.md › Bundle sizes).
 *
 * Built as a classic script whose exports become the worker global `HearthTf`
 * (`chunk-files.ts`); `tf` is exported whole because the other backends' files are built
 * against it as their tfjs-core.
 */
import * as tf from '@tensorflow/tfjs-core';

export { tf };
export { selectBackend } from './select-backend.js';

/** Live tensor count and bytes, for leak tests. */
export function tensorMemory(): { tensors: number; bytes: number } {
  const m = tf.memory();
  return { tensors: m.numTensors, bytes: m.numBytes };
}
