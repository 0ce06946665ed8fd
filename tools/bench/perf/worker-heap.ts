import type { Browser } from '@playwright/test';
import { attachWorker } from '../rank-path/worker-cdp.js';

/**
 * JS heap of a dedicated worker through the DevTools protocol: performance.memory exists only
 * on window, and Playwright opens CDP sessions on pages, not workers (`attachWorker`).
 */
export async function attachWorkerHeap(browser: Browser, urlPart: string) {
  const { send, detach } = await attachWorker(browser, urlPart);
  return {
    /** Used heap bytes after a full garbage collection, so the figure is what is really retained. */
    async usedAfterGc(): Promise<number> {
      await send('HeapProfiler.collectGarbage');
      const r = (await send('Runtime.getHeapUsage')) as { usedSize: number };
      return r.usedSize;
    },
    detach,
  };
}
