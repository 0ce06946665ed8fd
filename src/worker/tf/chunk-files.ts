import type { BackendName } from '../../core/types.js';

/**
 * The worker's lazily loaded classic scripts, all beside `hearth.worker.js` in `dist/`
 * (scripts/build.mjs writes them under these names; a unit test checks the two agree).
 *
 * - `hearth.tf.js`: tfjs-core, the wasm backend and the backend choice. It publishes itself
 *   as the worker global `HearthTf`, whose `tf` member is the one tfjs-core instance.
 * - one file per other backend, each built with tfjs-core external (read from `HearthTf.tf`),
 *   so every backend registers with that single instance. WebGL and WebGPU are only fetched
 *   when a hardware adapter exists or they are asked for by name.
 */
export const TF_FILE = 'hearth.tf.js';

/** Worker global set by `hearth.tf.js` (a top-level `var` of a classic script). */
export const TF_GLOBAL = 'HearthTf';

/** Backends that are not inside `hearth.tf.js`, with their files. */
export const BACKEND_FILES: Readonly<Partial<Record<BackendName, string>>> = {
  webgpu: 'hearth.webgpu.js',
  webgl: 'hearth.webgl.js',
  cpu: 'hearth.cpu.js',
};

/** The tfjs wasm binaries, fetched by the wasm backend from the same folder. */
export const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'] as const;

/**
 * Every file a self-hosting shop copies beside `hearth.worker.js` (the demo and the React
 * example copy exactly these).
 */
export const WORKER_SIDE_FILES: readonly string[] = [TF_FILE, ...Object.values(BACKEND_FILES), ...WASM_FILES];
