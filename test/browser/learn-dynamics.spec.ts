import { test, expect } from './fixtures.js';

const HOUR = 3_600_000;
const tent = { id: 'tent', title: 'Trail tent two person green', brand: 'Hilltop', categories: ['Outdoor', 'Tents'], price: 240 };
const variant = { ...tent, id: 'tent-blue', title: 'Trail tent two person blue' };
const tents = Array.from({ length: 6 }, (_, i) => ({ id: `t${i}`, title: `Dome shelter ${i}`, brand: `B${i}`, categories: ['Outdoor', 'Tents'], price: 100 + 30 * i }));
const beauty = (cat: string, i: number) => ({ id: `${cat}-${i}`, title: `${cat} product ${i}`, categories: ['Beauty', cat] });

test('through the worker (tfjs wasm): a just-bought item is not pushed again; today’s session outweighs older history', async ({ page, open, pageErrors }) => {
  await open('esm.html');
  const r = await page.evaluate(
    async ({ tent, variant, tents, skincare, makeup, HOUR }) => {
      const hearth = window.H.createHearth({ dbName: 'learn-dynamics', backend: 'wasm', timeoutMs: 30_000 });
      await hearth.forget({ all: true });
      await hearth.track({ type: 'view', item: tent });
      await hearth.track({ type: 'purchase', item: tent });
      const afterPurchase = await hearth.rank([...tents, tent, variant]);
      await hearth.forget({ all: true });
      // Yesterday: four skincare clicks (without the boost they would win). Today, minutes ago: two makeup clicks.
      const now = Date.now();
      for (let k = 0; k < 4; k++) await hearth.track({ type: 'click', item: skincare[k]!, at: now - 24 * HOUR + k * 60_000 });
      for (let k = 0; k < 2; k++) await hearth.track({ type: 'click', item: makeup[k]!, at: now - 10 * 60_000 + k * 60_000 });
      // Interleaved, so the shop's order (a strong prior) favours neither side.
      const today = await hearth.rank(skincare.slice(6).flatMap((s, k) => [s, makeup[2 + k]!]));
      await hearth.forget({ all: true });
      await hearth.close();
      return {
        backend: afterPurchase.backend,
        boughtPlaces: ['tent', 'tent-blue'].map((id) => afterPurchase.items.findIndex((i) => i.id === id)),
        boughtReason: afterPurchase.reasons[afterPurchase.items.findIndex((i) => i.id === 'tent')]![0],
        todayTop: today.items.slice(0, 4).map((i) => i.categories[1]),
      };
    },
    { tent, variant, tents, skincare: Array.from({ length: 12 }, (_, i) => beauty('Skincare', i)), makeup: Array.from({ length: 8 }, (_, i) => beauty('Makeup', i)), HOUR },
  );
  expect(r.backend).not.toBe('none');
  expect(Math.min(...r.boughtPlaces)).toBeGreaterThanOrEqual(tents.length);
  expect(r.boughtReason).toMatchObject({ kind: 'bought', itemId: 'tent' });
  expect(r.todayTop.filter((c) => c === 'Makeup').length).toBeGreaterThanOrEqual(3);
  expect(pageErrors).toEqual([]);
});
