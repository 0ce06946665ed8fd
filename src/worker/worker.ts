/**
 * Worker entry: the only place tfjs, IndexedDB and the shopper's history live.
 * Built as a classic script (IIFE) so it also starts from a blob: bootstrap on a CDN. It holds
 * no tfjs itself: `lazy-backend.ts` imports `hearth.tf.js` beside it after the first answers.
 */
import { expose } from 'comlink';
import { createWorkerApi } from './worker-api.js';

// When this script had been fetched and evaluated (debug timings of the cold start).
const evaluatedAt = performance.now();
expose(createWorkerApi(evaluatedAt));
