/**
 * Starts the worker script. Browsers refuse `new Worker(url)` across origins, so when the SDK
 * is served from a CDN the worker is bootstrapped from a same-origin blob that imports it
 * (classic workers may `importScripts` cross-origin). CSP may forbid either; the caller treats
 * a throw here like a worker that died at birth.
 */
export function spawnWorker(url: URL): Worker {
  if (typeof location === 'undefined' || url.origin === location.origin) return new Worker(url, { name: 'hearth' });
  const source = `importScripts(${JSON.stringify(url.href)});`;
  const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return new Worker(blobUrl, { name: 'hearth' });
  } finally {
    // The worker has fetched its script by the time it runs; the blob URL need not outlive this.
    setTimeout(() => URL.revokeObjectURL(blobUrl), 10_000);
  }
}
