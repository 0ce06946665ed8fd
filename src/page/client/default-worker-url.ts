import { WORKER_FILE } from './worker-file.js';

/**
 * The worker script beside this module. A variable (not a literal) in `new URL(…)` keeps
 * bundlers from rewriting it into an asset of their own. The script-tag build replaces this
 * module with one that uses the script's own URL (`iife-worker-url.ts`).
 */
export function defaultWorkerUrl(): URL {
  const file = WORKER_FILE;
  return new URL(file, import.meta.url);
}
