import { describe, expect, it } from 'vitest';
import { listRarity, usesListRarity } from '../../src/core/model/list-rarity.js';
import { featureSet } from '../../src/core/model/item-vector.js';
import { hashString } from '../../src/core/model/hash.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { createEngine } from '../../src/engine.js';
import { candidateItems, validateEvent } from '../../src/core/wire/validate.js';

const NOW = 1_800_000_000_000;

describe('list rarity', () => {
  it('is 0 for what every candidate shares, ln((n+1)/2)/ln(n+1) for what one has, 1 for what none has', () => {
    const list = ['x', 'y', 'z', 'w'].map((id) => featureSet({ id, categories: ['Beauty', `only-${id}`] }));
    const rarity = listRarity(list);
    expect(rarity(hashString('cat:beauty'))).toBeCloseTo(0, 12);
    expect(rarity(hashString('cat:only-x'))).toBeCloseTo(Math.log(5 / 2) / Math.log(5), 12);
    expect(rarity(hashString('cat:elsewhere'))).toBeCloseTo(1, 12);
  });

  it('counts a feature once per item, so an item listing it twice cannot make it negative', () => {
    const list = [featureSet({ id: 'x', categories: ['Tents', 'Tents'] }), featureSet({ id: 'y', categories: ['Tents', 'Other'] })];
    expect(listRarity(list)(hashString('cat:tents'))).toBeCloseTo(0, 12);
    expect(listRarity(list, 1.5)(hashString('cat:tents'))).toBe(0);
  });

  it('applies to models without a learned table unless switched off', () => {
    expect(usesListRarity(createDefaultModel())).toBe(true);
    expect(usesListRarity(createDefaultModel({ listRarity: false }))).toBe(false);
    const table = { keys: new Uint32Array(0), context: new Float32Array(0), target: new Float32Array(0) };
    expect(usesListRarity({ ...createDefaultModel(), table })).toBe(false);
  });

  // A shopper viewed one item in "Makeup › Lips". The list is a makeup page: nine items share
  // "Beauty" and "Makeup" with that history item, one shares only "Lips". Plain cosines favour the
  // nine (two shared categories of three); with list rarity the shared pair says nothing about this
  // list, and the one "Lips" item, the shopper's actual interest, comes first.
  async function firstOf(listRarityOn: boolean): Promise<string> {
    const engine = await createEngine({ model: createDefaultModel({ positionWeight: 0, listRarity: listRarityOn }), now: () => NOW });
    await engine.track([validateEvent({ type: 'view', item: { id: 'seen', categories: ['Beauty', 'Makeup', 'Lips'] }, at: NOW - 60_000 }, NOW)]);
    const list = [
      ...Array.from({ length: 9 }, (_, i) => ({ id: `m${i}`, categories: ['Beauty', 'Makeup', `Other ${i}`] })),
      { id: 'lips', categories: ['Lips', 'Gloss', 'Tint'] },
    ];
    const r = await engine.rank(candidateItems(list));
    await engine.close();
    return list[r.order[0]!]!.id;
  }

  it('ranks the item sharing the rare category first, where plain cosines do not', async () => {
    expect(await firstOf(false)).not.toBe('lips');
    expect(await firstOf(true)).toBe('lips');
  });
});
