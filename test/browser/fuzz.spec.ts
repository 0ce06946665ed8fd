import { test, expect } from './fixtures.js';
import { createFuzzer } from '../support/fuzz.js';

test('fuzz through the real page API: 1,500 hostile calls, no crash, no hang, store intact', async ({ page, open, pageErrors }) => {
  test.setTimeout(180_000);
  await open('esm.html');
  const fuzz = createFuzzer(7, true);
  const events = Array.from({ length: 1_200 }, () => fuzz.event());
  const lists = Array.from({ length: 300 }, () => [fuzz.itemList(), fuzz.rerankOptions()]);
  const r = await page.evaluate(
    async ({ events, lists }: { events: unknown[]; lists: unknown[][] }) => {
      const hearth = window.H.createHearth({ dbName: 'fuzz', backend: 'wasm', timeoutMs: 10_000 });
      await hearth.ready();
      const tally = { accepted: 0, rejected: 0, badRejections: [] as string[], ranked: 0, rankRejected: 0, fallbacks: 0 };
      const named = (e: Error) => e.name === 'HearthInputError' && / must be /.test(e.message);
      await Promise.all(
        events.map((ev) =>
          hearth.track(ev as Parameters<typeof hearth.track>[0]).then(
            () => tally.accepted++,
            (e: Error) => (named(e) ? tally.rejected++ : tally.badRejections.push(`${e.name}: ${e.message}`)),
          ),
        ),
      );
      for (const [items, options] of lists) {
        try {
          const res = await hearth.rank(items as never, options as never);
          tally.ranked++;
          // A hostile but valid budget (0, 1 ms…) may legitimately fall back; a roomy one must not.
          const budget = (options as { timeoutMs?: number } | undefined)?.timeoutMs ?? 10_000;
          if (res.fallback && budget >= 1_000) tally.fallbacks++;
        } catch (e) {
          if (named(e as Error)) tally.rankRejected++;
          else tally.badRejections.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
      const alive = await hearth.rank([{ id: 'p1' }, { id: 'p2' }], { timeoutMs: 10_000 });
      const stored = await new Promise<unknown[]>((resolve) => {
        const req = indexedDB.open('fuzz');
        req.onsuccess = () => {
          const all = req.result.transaction('events').objectStore('events').getAll();
          all.onsuccess = () => resolve(all.result);
        };
      });
      await hearth.close();
      return { tally, aliveFallback: alive.fallback, stored: stored.length, storedValid: stored.every((e) => typeof (e as { item?: { id?: unknown } }).item?.id === 'string'), polluted: ({} as Record<string, unknown>).polluted };
    },
    { events, lists },
  );
  expect(r.tally.badRejections).toEqual([]);
  expect(r.tally.accepted + r.tally.rejected).toBe(1_200);
  expect(r.tally.accepted).toBeGreaterThan(200);
  expect(r.tally.rejected).toBeGreaterThan(200);
  expect(r.tally.ranked + r.tally.rankRejected).toBe(300);
  expect(r.tally.fallbacks).toBe(0);
  expect(r.aliveFallback).toBe(false);
  expect(r.stored).toBe(r.tally.accepted);
  expect(r.storedValid).toBe(true);
  expect(r.polluted).toBeUndefined();
  expect(pageErrors).toEqual([]);
  test.info().annotations.push({ type: 'tally', description: JSON.stringify(r.tally) });
});
