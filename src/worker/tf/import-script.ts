/**
 * `importScripts` of a file beside the worker. A classic worker may import a script from
 * another origin (the SDK on a CDN, the worker itself started from a blob:) without CORS;
 * the page's CSP `script-src` decides. Throws where there is no `importScripts` (Node) or
 * the file cannot be loaded.
 */
export function importBeside(assetBase: string, file: string): void {
  const importScripts = (globalThis as unknown as { importScripts?: (...urls: string[]) => void }).importScripts;
  if (typeof importScripts !== 'function') throw new Error(`cannot load ${file}: not in a classic worker`);
  importScripts(new URL(file, assetBase).href);
}
