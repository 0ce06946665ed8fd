import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine/engine.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { candidateItems, validateEvent } from '../../src/core/wire/validate.js';
import { repurchaseRates } from '../../tools/train/repurchase.js';
import { CONSUMABLE_RATE, isConsumable } from '../../src/core/learn/repurchase.js';
import type { RepurchaseParams } from '../../src/core/model/model-types.js';

const NOW = 1_800_000_000_000;
const tent = { id: 'tent-2p', title: 'Trail tent two person green', brand: 'Hilltop', categories: ['Outdoor', 'Tents'], price: 240 };
const tentVariant = { ...tent, id: 'tent-2p-blue', title: 'Trail tent two person blue' };
const otherTents = Array.from({ length: 6 }, (_, i) => ({ id: `t${i}`, title: `Dome shelter ${i}`, brand: `B${i}`, categories: ['Outdoor', 'Tents'], price: 100 + 30 * i }));
const shampoo = { id: 'shampoo', title: 'Mild shampoo 500ml', brand: 'Suds', categories: ['Beauty', 'Hair care'], price: 8 };
const otherShampoos = Array.from({ length: 6 }, (_, i) => ({ id: `h${i}`, title: `Conditioner ${i}`, brand: `C${i}`, categories: ['Beauty', 'Hair care'], price: 5 + i }));

async function afterPurchase(bought: object, repurchase?: RepurchaseParams) {
  const e = await createEngine({ model: createDefaultModel(repurchase ? { repurchase } : {}), now: () => NOW });
  await e.track([validateEvent({ type: 'view', item: bought, at: NOW - 120_000 }, NOW), validateEvent({ type: 'purchase', item: bought, at: NOW - 60_000 }, NOW)]);
  return e;
}

describe('repeat-purchase sense', () => {
  it('does not push a just-bought item or its near-duplicate again (zero-training default)', async () => {
    const e = await afterPurchase(tent);
    const list = [...otherTents, tent, tentVariant];
    const r = await e.rank(candidateItems(list));
    const place = (id: string) => r.order.findIndex((i) => list[i]!.id === id);
    // Demoted below the other tents, which the purchase still lifts (the shopper likes tents).
    expect(place('tent-2p')).toBeGreaterThanOrEqual(otherTents.length);
    expect(place('tent-2p-blue')).toBeGreaterThanOrEqual(otherTents.length);
    const reasons = r.reasons[list.findIndex((x) => x.id === 'tent-2p')]!;
    expect(reasons[0]).toMatchObject({ kind: 'bought', itemId: 'tent-2p' });
    expect(r.reasons[list.findIndex((x) => x.id === 'tent-2p-blue')]![0]).toMatchObject({ kind: 'bought', itemId: 'tent-2p' });
    expect(r.reasons[0]!.some((x) => x.kind === 'bought')).toBe(false);
  });

  it('pushes a consumable again when the learned rates say its category is bought again', async () => {
    const rates = repurchaseRates({
      items: [shampoo, ...otherShampoos, tent, ...otherTents].map((x) => ({ id: x.id, categories: x.categories })),
      // Item 0 (shampoo) bought again and again; tents (7…) once each.
      sequences: Array.from({ length: 30 }, (_, u) => Int32Array.from(u % 2 ? [0, 1, 0, 7 + (u % 7), 0] : [2, 0, 0, 8 + (u % 6)])),
    });
    expect(rates.rates['hair care']!).toBeGreaterThanOrEqual(CONSUMABLE_RATE);
    expect(rates.rates.tents ?? 0).toBeLessThan(CONSUMABLE_RATE);
    expect(isConsumable(shampoo, rates)).toBe(true);
    expect(isConsumable(tent, rates)).toBe(false);

    const e = await afterPurchase(shampoo, rates);
    const list = [...otherShampoos, shampoo];
    const r = await e.rank(candidateItems(list));
    expect(list[r.order[0]!]!.id).toBe('shampoo');
    expect(r.reasons[list.length - 1]!.some((x) => x.kind === 'bought')).toBe(false);

    // Same rates, durable category: still demoted.
    const t = await afterPurchase(tent, rates);
    const tl = [...otherTents, tent];
    const tr = await t.rank(candidateItems(tl));
    expect(tr.order.indexOf(tl.length - 1)).toBe(tl.length - 1);
  });

  it('leaves items that are merely alike alone', async () => {
    const e = await afterPurchase(tent);
    const r = await e.rank(candidateItems(otherTents));
    expect(r.reasons.flat().some((x) => x.kind === 'bought')).toBe(false);
  });
});

describe('trainer output', () => {
  it('carries the learned repurchase rates in the model params, through model.json and back', async () => {
    const { readDataset } = await import('../../tools/eval/dataset.js');
    const { writeFixture } = await import('../../tools/eval/fixture.js');
    const { fit } = await import('../../tools/train/fit.js');
    const { encodeModel, parseManifest } = await import('../../src/core/model/model-format.js');
    const ds = readDataset(writeFixture());
    const res = fit(ds, { config: { dims: 8, window: 5, negatives: 16, batch: 16, lr: 0.05, epochs: 2 }, patience: 2 });
    const rates = res.model.params.repurchase?.rates;
    expect(rates).toBeDefined();
    expect(Object.values(rates!).every((r) => r >= 0 && r <= 1)).toBe(true);
    const { manifest } = encodeModel(res.model);
    expect(parseManifest(JSON.parse(JSON.stringify(manifest))).params.repurchase).toEqual(res.model.params.repurchase);
  });
});
