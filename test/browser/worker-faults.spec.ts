import { test, expect, catalogue, type Catalogue } from './fixtures.js';

const items = catalogue(20);
const CHAOS = '/test/browser/pages/chaos-worker.js';

/**
 * In the page: a Hearth on the chaos worker with three tent clicks stored, then `fault` injected.
 * Reports what the call in flight, the calls during the outage, and the recovered calls saw.
 */
async function runFault(page: import('@playwright/test').Page, fault: string, dbName: string) {
  return page.evaluate(
    async ({ items, fault, dbName, url }: { items: Catalogue; fault: string; dbName: string; url: string }) => {
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const chaos = new BroadcastChannel('hearth-chaos');
      /** Sends a fault and waits until the worker has it in place. */
      const inject = (cmd: string) =>
        new Promise<void>((resolve) => {
          const onAck = (e: MessageEvent) => {
            if (e.data !== `ack:${cmd}`) return;
            chaos.removeEventListener('message', onAck);
            resolve();
          };
          chaos.addEventListener('message', onAck);
          chaos.postMessage(cmd);
        });
      const hearth = window.H.createHearth({ workerUrl: url, backend: 'cpu', dbName, timeoutMs: 1_000 });
      await hearth.ready();
      for (const id of ['p2', 'p6', 'p10']) await hearth.track({ type: 'click', item: items.find((i) => i.id === id)! });
      const healthy = await hearth.rank(items);

      // A call in flight when the fault hits must resolve in the original order, within its budget.
      const budget = 20_000;
      await inject('hang');
      const inFlight = hearth.rank(items, { timeoutMs: budget });
      await sleep(50);
      if (fault !== 'hang') await inject(fault);
      const sentinel = new Promise<string>((r) => setTimeout(() => r('budget passed'), budget - 1_000));
      const first = await Promise.race([inFlight, sentinel]);

      // Later calls fall back until the SDK has restarted the worker, then rank as before.
      const during: boolean[] = [];
      let recovered: { ids: string[]; fallback: boolean } | undefined;
      const giveUpAt = Date.now() + 60_000;
      while (!recovered && Date.now() < giveUpAt) {
        const r = await hearth.rank(items);
        during.push(r.fallback);
        if (!r.fallback) recovered = { ids: r.items.map((x) => x.id), fallback: r.fallback };
        else await sleep(500);
      }
      const events = (await hearth.ready()).events;
      await hearth.close();
      return {
        healthy: healthy.items.map((x) => x.id),
        first: typeof first === 'string' ? first : { ids: first.items.map((x) => x.id), fallback: first.fallback },
        during,
        recovered,
        events,
      };
    },
    { items, fault, dbName, url: CHAOS },
  );
}

for (const fault of ['crash', 'close', 'hang'] as const) {
  test(`worker fault "${fault}": calls fall back in budget, the worker restarts, history is intact`, async ({ page, open, pageErrors }) => {
    test.setTimeout(180_000); // a restart re-parses the worker bundle: slow on a loaded 2-core machine
    await open('esm.html');
    const r = await runFault(page, fault, `fault-${fault}`);
    expect(r.healthy.slice(0, 3).every((id) => Number(id.slice(1)) % 4 === 2)).toBe(true);
    expect(r.first).toEqual({ ids: items.map((i) => i.id), fallback: true });
    expect(r.recovered).toEqual({ ids: r.healthy, fallback: false });
    expect(r.events).toBe(3);
    expect(pageErrors).toEqual([]);
  });
}

test('a rank that rejects in the worker falls back once; the next call ranks', async ({ page, open, pageErrors }) => {
  await open('esm.html');
  const r = await page.evaluate(
    async ({ items, url }: { items: Catalogue; url: string }) => {
      const hearth = window.H.createHearth({ workerUrl: url, backend: 'cpu', dbName: 'reject', timeoutMs: 10_000 });
      await hearth.track({ type: 'click', item: items[2]! });
      await hearth.ready();
      const chaos = new BroadcastChannel('hearth-chaos');
      await new Promise<void>((res) => {
        chaos.onmessage = (e) => e.data === 'ack:reject-rank' && res();
        chaos.postMessage('reject-rank');
      });
      const failed = await hearth.rank(items);
      const next = await hearth.rank(items);
      await hearth.close();
      return { failed: failed.fallback, failedIds: failed.items.map((i) => i.id), next: next.fallback };
    },
    { items, url: CHAOS },
  );
  expect(r).toEqual({ failed: true, failedIds: items.map((i) => i.id), next: false });
  expect(pageErrors).toEqual([]);
});

test('without IndexedDB (private modes) Hearth runs from memory for the tab', async ({ page, open, pageErrors }) => {
  await open('esm.html');
  const run = () =>
    page.evaluate(
      async ({ items, url }: { items: Catalogue; url: string }) => {
        const hearth = window.H.createHearth({ workerUrl: `${url}?no-idb`, backend: 'cpu', dbName: 'no-idb', timeoutMs: 10_000 });
        const before = (await hearth.ready()).events;
        await hearth.track({ type: 'click', item: items[2]! });
        await hearth.track({ type: 'click', item: items[6]! });
        const r = await hearth.rank(items);
        await hearth.close();
        return { before, fallback: r.fallback, top: r.items.slice(0, 2).map((i) => i.id) };
      },
      { items, url: CHAOS },
    );
  const first = await run();
  expect(first).toEqual({ before: 0, fallback: false, top: expect.arrayContaining(['p2', 'p6']) });
  // Memory only: a new instance starts empty, and nothing was written to IndexedDB.
  const second = await run();
  expect(second.before).toBe(0);
  const dbs = await page.evaluate(() => indexedDB.databases().then((d) => d.map((x) => x.name)));
  expect(dbs).not.toContain('no-idb');
  expect(pageErrors).toEqual([]);
});
