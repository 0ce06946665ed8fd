import type { BackendChoice } from '../../core/types.js';

/** Valid values of `options.backend`, for validation messages. */
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];
