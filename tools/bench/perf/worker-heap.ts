import type { Browser, CDPSession } from '@playwright/test';

/**
 * JS heap of a dedicated worker through the DevTools protocol: performance.memory exists only
 * on window, and Playwright opens CDP sessions on pages, not workers. A browser-level session
 * attaches to the worker target (non-flattened) and relays Runtime/HeapProfiler commands.
 */
export async function attachWorkerHeap(browser: Browser, urlPart: string) {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
  const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes(urlPart));
  if (!target) throw new Error(`no worker target matching ${urlPart}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result);
  });
  const send = (method: string) =>
    new Promise<unknown>((ok) => {
      const id = nextId++;
      waiting.set(id, ok);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  return {
    /** Used heap bytes after a full garbage collection, so the figure is what is really retained. */
    async usedAfterGc(): Promise<number> {
      await send('HeapProfiler.collectGarbage');
      const r = (await send('Runtime.getHeapUsage')) as { usedSize: number };
      return r.usedSize;
    },
    async detach() {
      await cdp.detach().catch(() => undefined);
    },
  };
}
