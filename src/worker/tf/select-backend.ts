import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendChoice, BackendName } from '../../core/types.js';
import { createTfScorer } from '../../core/score/score-tf.js';
import { scoreReference } from '../../core/score/score-js.js';
import type { ScoreInput, Scorer } from '../../core/score/scorer.js';
import { debug } from '../../core/log.js';
import { DEFAULT_PARAMS } from '../../core/model/params.js';
import { BACKEND_FILES } from './chunk-files.js';
import { importBeside } from './import-script.js';
import { HEARTH_ERRORS, hearthError } from '../../core/errors.js';

/** The fixed fallback order: a named backend that fails hands over to the ones after it. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Names of software rasterisers: correct but slower than wasm for our tiny graphs. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;

/**
 * WebGPU adapters say when they are a software fallback (SwiftShader in headless Chromium).
 * `'auto'` must never pick one over wasm: it is far slower for the same answer (BENCHMARKS.md ›
 * Figures moved from code comments).
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

/**
 * Registers `name` with tfjs-core: wasm is inside this script; the others are fetched from
 * their own file the first time they are tried (so a shopper without a GPU never downloads or
 * evaluates the WebGL/WebGPU code).
 */
function ensureRegistered(name: BackendName, assetBase: string): void {
  if (name === 'wasm') setWasmPaths(assetBase);
  const file = BACKEND_FILES[name];
  if (file && !tf.findBackendFactory(name)) importBeside(assetBase, file);
}

async function tryBackend(name: BackendName, assetBase: string): Promise<Scorer | undefined> {
  try {
    ensureRegistered(name, assetBase);
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

/** A request of the usual size (a category page against a full history window) for the timing. */
function timingInput(n: number): ScoreInput {
  const dims = DEFAULT_PARAMS.dims;
  const m = 64;
  const fill = (len: number, seed: number) => Float32Array.from({ length: len }, (_, i) => Math.sin(seed * 3.7 + i * 0.61) * 0.1);
  return { dims, n, m, candidates: fill(n * dims, 1), history: fill(m * dims, 2), weights: fill(m, 3), beta: 4 };
}

/**
 * Median milliseconds of a warm 100-candidate and a warm 1,000-candidate score on the current
 * backend. The first run of each also compiles that shape bucket's shaders, so the timing
 * doubles as the GPU warm-up.
 */
async function timeScorer(scorer: Scorer): Promise<number> {
  let total = 0;
  for (const n of [100, 1000]) {
    const input = timingInput(n);
    await scorer.score(input);
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await scorer.score(input);
      runs.push(performance.now() - t0);
    }
    total += runs.sort((a, b) => a - b)[1]!;
  }
  return total;
}

/**
 * A hardware WebGPU keeps its place unless it is measured clearly slower than the fastest
 * other backend (readback latency can make a GPU lose on tiny lists): small differences are
 * noise, and on real GPUs WebGPU scales best with list length.
 */
const GPU_SLACK = 1.25;

/**
 * `'auto'`: every correct hardware GPU backend and wasm are started and timed on a usual
 * request, and the fastest wins. cpu (tfjs' plain-JS kernels) is only a last resort: it is
 * slower than wasm at every measured size and timing it would delay start-up for nothing.
 * Without a hardware GPU there is nothing to compare: wasm is taken at once (no start-up cost).
 */
async function selectAuto(assetBase: string): Promise<Scorer> {
  const gpus: BackendName[] = [];
  if (await hasHardwareWebGpu()) gpus.push('webgpu');
  if (hasHardwareWebGl()) gpus.push('webgl');
  const timed: Array<{ name: BackendName; scorer: Scorer; ms: number }> = [];
  for (const name of [...gpus, 'wasm'] as BackendName[]) {
    const scorer = await tryBackend(name, assetBase);
    if (!scorer) continue;
    if (gpus.length === 0) return scorer;
    timed.push({ name, scorer, ms: await timeScorer(scorer) });
  }
  if (timed.length > 0) {
    const fastest = timed.reduce((a, b) => (b.ms < a.ms ? b : a));
    const webgpu = timed.find((t) => t.name === 'webgpu');
    const pick = webgpu && webgpu.ms <= fastest.ms * GPU_SLACK ? webgpu : fastest;
    debug(`auto timings (ms): ${timed.map((t) => `${t.name} ${t.ms.toFixed(2)}`).join(', ')} → ${pick.name}`);
    for (const t of timed) if (t !== pick) t.scorer.dispose();
    // The backends were started one after another: make the pick tfjs' current one again.
    if (tf.getBackend() !== pick.name && !(await tf.setBackend(pick.name))) throw new Error(`could not return to ${pick.name}`);
    return pick.scorer;
  }
  const cpu = await tryBackend('cpu', assetBase);
  if (cpu) return cpu;
  throw hearthError(HEARTH_ERRORS.backend, `no tfjs backend could start (tried ${[...gpus, 'wasm', 'cpu'].join(', ')})`);
}

/**
 * Picks the backend. A named one is tried first, then the rest of BACKEND_ORDER after it.
 * `'auto'`: see selectAuto.
 */
export async function selectBackend(choice: BackendChoice, assetBase: string): Promise<Scorer> {
  if (choice === 'auto') {
    const scorer = await selectAuto(assetBase);
    debug(`backend ${scorer.backend} selected (asked for auto)`);
    return scorer;
  }
  const chain = BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(choice));
  for (const name of chain) {
    const scorer = await tryBackend(name, assetBase);
    if (scorer) {
      debug(`backend ${name} selected (asked for ${choice})`);
      return scorer;
    }
  }
  throw hearthError(HEARTH_ERRORS.backend, `no tfjs backend could start (tried ${chain.join(', ')})`);
}
