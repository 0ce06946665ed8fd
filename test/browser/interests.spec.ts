import { test, expect, catalogue, type Catalogue } from './fixtures.js';

const items = catalogue(24);

test('through the worker: reasons, knobs, profile, export and forget by brand', async ({ page, open, pageErrors }) => {
  await open('esm.html');
  const r = await page.evaluate(async (items: Catalogue) => {
    const hearth = window.H.createHearth({ dbName: 'interests', backend: 'wasm', timeoutMs: 30_000 });
    for (const id of ['p2', 'p6']) await hearth.track({ type: 'click', item: items.find((i) => i.id === id)!, dwellMs: 5_000 });
    // An own `__proto__` key, as JSON from a server would carry it: it must stay plain data.
    await hearth.track({ type: 'purchase', item: { ...items[10]!, attributes: JSON.parse('{"__proto__": "kept as data", "colour": "green"}') } });
    const ranked = await hearth.rank(items.filter((i) => !['p2', 'p6', 'p10'].includes(i.id)));
    const noisy = await hearth.rank(items, { privacyNoise: 0.5 });
    const knobs = await hearth.rank(items, { exploration: 0.5, diversity: 0.5 });
    const profile = await hearth.profile();
    const exported = await hearth.export();
    await hearth.forget({ brand: items[2]!.brand });
    const afterForget = await hearth.export();
    await hearth.close();
    return {
      topReasons: ranked.reasons[0]!.map((x) => x.text),
      reasonsAligned: ranked.reasons.length === ranked.items.length,
      epsilon: noisy.epsilon,
      noisyIsPermutation: [...noisy.items].map((i) => i.id).sort().join() === items.map((i) => i.id).sort().join(),
      knobsFallback: knobs.fallback,
      profileCategories: profile.longTerm.categories.map((c) => c.name),
      exportedEvents: exported.events.length,
      exportedAttrs: Object.entries(exported.events[2]!.item.attributes ?? {}),
      polluted: ({} as Record<string, unknown>).colour,
      exportShape: { format: exported.format, version: exported.version, consent: exported.consent },
      afterForget: afterForget.events.map((e) => e.item.id),
    };
  }, items);
  expect(r.topReasons[0]).toMatch(/^because you (clicked|bought) “(Tents|Tent)/);
  expect(r.reasonsAligned).toBe(true);
  expect(r.epsilon).toBe(2);
  expect(r.noisyIsPermutation).toBe(true);
  expect(r.knobsFallback).toBe(false);
  expect(r.profileCategories).toEqual(expect.arrayContaining(['Tents', 'Outdoor']));
  expect(r.exportedEvents).toBe(3);
  expect(r.exportedAttrs).toEqual([
    ['__proto__', 'kept as data'],
    ['colour', 'green'],
  ]);
  expect(r.polluted).toBeUndefined();
  expect(r.exportShape).toEqual({ format: 'hearth-export', version: 1, consent: 'granted' });
  // p2 (Brand2) forgotten; p6 (Brand1) and p10 (Brand0) stay.
  expect(r.afterForget).toEqual(['p6', 'p10']);
  expect(pageErrors).toEqual([]);
});
