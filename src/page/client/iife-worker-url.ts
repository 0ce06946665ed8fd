import { WORKER_FILE } from './worker-file.js';

/**
 * Script-tag build's stand-in for `default-worker-url.ts`: classic scripts have no
 * `import.meta.url`, and `document.currentScript` is only set while the script first runs,
 * so the URL is captured at load, not when the worker starts.
 */
const scriptSrc = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;

export function defaultWorkerUrl(): URL {
  return new URL(WORKER_FILE, scriptSrc || (typeof location !== 'undefined' ? location.href : undefined));
}
