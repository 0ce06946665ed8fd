import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendChoice, BackendName } from '../types.js';
import { createTfScorer } from '../model/score-tf.js';
import { scoreReference } from '../model/score-js.js';
import type { ScoreInput, Scorer } from '../model/scorer.js';
import { debug } from '../core/log.js';

/** The fixed fallback order: a named backend that fails hands over to the ones after it. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Names of software rasterisers: correct but slower than wasm for our tiny graphs. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;

/**
 * WebGPU adapters say when they are a software fallback (SwiftShader in headless Chromium).
 * `'auto'` must never pick one over wasm: it is ~100× slower here for the same answer.
 */
async function hasHardwareWebGpu(): Promise<boolean> {
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu) return false;
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return false;
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo & { isFallbackAdapter?: boolean } }).info;
  const legacyFallback = (adapter as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter;
  if (info?.isFallbackAdapter || legacyFallback) return false;
  return !SOFTWARE.test(`${info?.vendor ?? ''} ${info?.architecture ?? ''} ${info?.description ?? ''} ${info?.device ?? ''}`);
}

function hasHardwareWebGl(): boolean {
  try {
    if (typeof OffscreenCanvas === 'undefined') return false;
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return false;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !SOFTWARE.test(renderer);
  } catch {
    return false;
  }
}

/** A fixed small problem; every backend must reproduce the JS reference on it before it is used. */
function selfTestInput(): ScoreInput {
  const dims = 8;
  const n = 5;
  const m = 3;
  const fill = (len: number, seed: number) => Float32Array.from({ length: len }, (_, i) => Math.sin(seed * 7.1 + i * 1.3) * 0.5);
  return { dims, n, m, candidates: fill(n * dims, 1), history: fill(m * dims, 2), weights: Float32Array.from([1, -0.3, 2]), beta: 3 };
}

async function passesSelfTest(scorer: Scorer): Promise<boolean> {
  const input = selfTestInput();
  const expected = scoreReference(input);
  const got = await scorer.score(input);
  return expected.scores.every((v, i) => Math.abs(v - got.scores[i]!) <= 1e-3 * Math.max(1, Math.abs(v)));
}

async function tryBackend(name: BackendName, assetBase: string): Promise<Scorer | undefined> {
  try {
    if (name === 'wasm') setWasmPaths(assetBase);
    if (!(await tf.setBackend(name))) return undefined;
    await tf.ready();
    const scorer = createTfScorer(tf, name);
    // The self-test doubles as warm-up: it pays shader compilation before the first real rerank.
    if (await passesSelfTest(scorer)) return scorer;
    debug(`backend ${name} failed its self-test`);
  } catch (err) {
    debug(`backend ${name} unavailable`, err);
  }
  return undefined;
}

/**
 * Picks the backend. A named one is tried first, then the rest of BACKEND_ORDER after it.
 * `'auto'` tries hardware WebGPU, hardware WebGL, then wasm and cpu.
 */
export async function selectBackend(choice: BackendChoice, assetBase: string): Promise<Scorer> {
  let chain: BackendName[];
  if (choice === 'auto') {
    chain = [];
    if (await hasHardwareWebGpu()) chain.push('webgpu');
    if (hasHardwareWebGl()) chain.push('webgl');
    chain.push('wasm', 'cpu');
  } else {
    chain = BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(choice));
  }
  for (const name of chain) {
    const scorer = await tryBackend(name, assetBase);
    if (scorer) {
      debug(`backend ${name} selected (asked for ${choice})`);
      return scorer;
    }
  }
  throw Object.assign(new Error(`no tfjs backend could start (tried ${chain.join(', ')})`), { name: 'HearthBackendError' });
}

/** Live tensor count and bytes, for leak tests. */
export function tensorMemory(): { tensors: number; bytes: number } {
  const m = tf.memory();
  return { tensors: m.numTensors, bytes: m.numBytes };
}
