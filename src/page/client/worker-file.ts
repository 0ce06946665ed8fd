/** File name of the worker bundle, beside the ESM entry and the script-tag build in `dist/`. */
export const WORKER_FILE = 'hearth.worker.js';
