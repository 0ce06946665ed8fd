/**
 * Worker entry: the only place tfjs, IndexedDB and the shopper's history live.
 * Built as a classic script (IIFE) so it also starts from a blob: bootstrap on a CDN.
 */
import { expose } from 'comlink';
import { createWorkerApi } from './worker-api.js';

expose(createWorkerApi());
