import { test, expect, catalogue, type Catalogue } from './fixtures.js';
import type * as HearthModule from '../../src/index.js';

declare global {
  interface Window {
    H: typeof HearthModule;
  }
}

const items = catalogue(40);

test('a reload with nothing new keeps the order, with exploration and privacy noise on (README › What moves the order)', async ({ page, open, pageErrors }) => {
  await open('esm.html');
  const knobs = [{}, { exploration: 0.8 }, { privacyNoise: { epsilon: 2 } }];
  const first = await page.evaluate(
    async ({ items, knobs }: { items: Catalogue; knobs: object[] }) => {
      const hearth = window.H.createHearth({ dbName: 'stable', backend: 'wasm', timeoutMs: 60_000 });
      await hearth.track({ type: 'click', item: items[2]! });
      await hearth.track({ type: 'add_to_cart', item: items[9]! });
      const orders = [];
      for (const k of knobs) orders.push((await hearth.rank(items, k)).items.map((i) => i.id));
      // What the page records for the grid it showed, as on every load.
      for (const [position, item] of items.entries()) await hearth.track({ type: 'impression', item, listId: 'grid', position });
      await hearth.close();
      return orders;
    },
    { items, knobs },
  );
  await page.reload();
  await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
  const second = await page.evaluate(
    async ({ items, knobs }: { items: Catalogue; knobs: object[] }) => {
      const hearth = window.H.createHearth({ dbName: 'stable', backend: 'wasm', timeoutMs: 60_000 });
      await hearth.ready();
      const orders = [];
      for (const k of knobs) {
        const r = await hearth.rank(items, k);
        orders.push(r.fallback ? ['fallback'] : r.items.map((i) => i.id));
      }
      await hearth.close();
      return orders;
    },
    { items, knobs },
  );
  expect(second).toEqual(first);
  expect(pageErrors).toEqual([]);
});
