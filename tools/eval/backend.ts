import { createRequire } from 'node:module';
import path from 'node:path';
import { createJsScorer } from '../../src/core/score/score-js.js';
import { createTfScorer } from '../../src/core/score/score-tf.js';
import type { Scorer } from '../../src/core/score/scorer.js';

export type NodeBackend = 'wasm' | 'cpu' | 'js';

/**
 * The worker's scorer, in Node: the same tfjs graph (`score-tf.ts`) on the wasm or cpu backend,
 * or the plain-JS reference. The wasm binaries are read from node_modules by file path.
 */
export async function createNodeScorer(backend: NodeBackend = 'wasm'): Promise<Scorer> {
  if (backend === 'js') return createJsScorer();
  return createTfScorer(await initTf(backend), backend);
}

/** tfjs-core with the wasm or cpu backend started (wasm binaries read from node_modules). */
export async function initTf(backend: 'wasm' | 'cpu') {
  const tf = await import('@tensorflow/tfjs-core');
  if (backend === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    wasm.setWasmPaths(dir + path.sep);
  } else {
    await import('@tensorflow/tfjs-backend-cpu');
  }
  const ok = await tf.setBackend(backend);
  if (!ok) throw new Error(`tfjs backend '${backend}' failed to start`);
  await tf.ready();
  return tf;
}
