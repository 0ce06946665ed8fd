import { describe, expect, it } from 'vitest';
import { catalogRarity, countCatalog, createCatalogModel, taxonomyRarity } from '../../src/core/model/catalog-rarity.js';
import { featureSet } from '../../src/core/model/item-vector.js';
import { hashString } from '../../src/core/model/hash.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { decodeModel, encodeModel, parseManifest } from '../../src/core/model/model-format.js';
import { createEngine } from '../../src/engine.js';
import { candidateItems, validateEvent } from '../../src/core/wire/validate.js';
import type { WireItem } from '../../src/core/wire/wire.js';

const NOW = 1_800_000_000_000;
const h = (key: string) => hashString(key);

/** A feed of 603 items: 500 shampoos of many brands, 3 items of a small brand, 100 others. */
function feed(): WireItem[] {
  const items: WireItem[] = [];
  for (let i = 0; i < 500; i++) items.push({ id: `s${i}`, brand: `Brand ${i % 50}`, categories: ['Hair', 'Shampoo'], title: 'gentle shampoo' });
  for (let i = 0; i < 3; i++) items.push({ id: `r${i}`, brand: 'Tiny Soap Co', categories: ['Hair', `Niche ${i}`] });
  for (let i = 0; i < 100; i++) items.push({ id: `o${i}`, brand: `Other ${i}`, categories: ['Hair', `Misc ${i % 10}`] });
  return items;
}

describe('catalogue counts', () => {
  it('count each taxonomy feature once per item, and nothing else', () => {
    const c = countCatalog([
      { id: 'a', brand: 'Acme', categories: ['Tents', 'Tents'], title: 'big tent' },
      { id: 'b', brand: 'Acme', categories: ['Stoves'], attrs: [['colour', 'red']] },
    ]);
    expect(c.items).toBe(2);
    const count = (key: string) => {
      const k = c.keys.indexOf(h(key));
      return k < 0 ? 0 : c.counts[k];
    };
    expect(count('brand:acme')).toBe(2);
    expect(count('cat:tents')).toBe(1);
    expect(count('cat:stoves')).toBe(1);
    expect(count('attr:colour=red')).toBe(1);
    expect(count('word:tent')).toBe(0);
    expect(count('id:a')).toBe(0);
    expect([...c.keys]).toEqual([...c.keys].sort((x, y) => x - y));
  });

  it('keep the most widely held features when capped', () => {
    const c = countCatalog(feed(), 2);
    expect(new Set(c.keys)).toEqual(new Set([h('cat:hair'), h('cat:shampoo')]));
  });

  it('give rarity (ln((N+1)/(df+1))/ln(N+1))², 0 for what every item has, and count an unlisted feature as held by one item', () => {
    const c = countCatalog(feed());
    const rarity = catalogRarity(c);
    const N = 603;
    expect(rarity(h('cat:hair'))).toBe(0);
    expect(rarity(h('cat:shampoo'))).toBeCloseTo((Math.log((N + 1) / 501) / Math.log(N + 1)) ** 2, 12);
    expect(rarity(h('brand:tiny soap co'))).toBeCloseTo((Math.log((N + 1) / 4) / Math.log(N + 1)) ** 2, 12);
    expect(rarity(h('brand:new in stock'))).toBeCloseTo((Math.log((N + 1) / 2) / Math.log(N + 1)) ** 2, 12);
    expect(rarity(h('brand:tiny soap co'))).toBeGreaterThan(rarity(h('cat:shampoo')) * 10);
  });

  it('multiply list rarity for a zero-training model, and never touch a site-trained one', () => {
    const model = createCatalogModel(feed());
    const list = [featureSet({ id: 'x', categories: ['Shampoo'] }), featureSet({ id: 'y', categories: ['Shampoo'] }), featureSet({ id: 'z', categories: ['Misc 1'] })];
    const both = taxonomyRarity(model, list)!;
    // Every candidate but one holds Shampoo: the list says it tells little apart, the catalogue that it is common.
    const listOnly = taxonomyRarity(createDefaultModel(), list)!;
    expect(both(h('cat:shampoo'))).toBeCloseTo(listOnly(h('cat:shampoo')) * catalogRarity(model.catalog!)(h('cat:shampoo')), 12);
    expect(taxonomyRarity({ ...model, params: { ...model.params, listRarity: false } }, list)!(h('cat:misc 1'))).toBeCloseTo(catalogRarity(model.catalog!)(h('cat:misc 1')), 12);
    const table = { keys: new Uint32Array(0), context: new Float32Array(0), target: new Float32Array(0) };
    expect(taxonomyRarity({ ...model, table }, list)).toBeUndefined();
  });

  it('name the catalogue in the model version, so a changed feed is a new model to every cache', () => {
    const a = createCatalogModel(feed());
    const b = createCatalogModel([...feed(), { id: 'new', brand: 'Tiny Soap Co' }]);
    expect(a.version).toMatch(/^default-1\+catalog-603-/);
    expect(b.version).not.toBe(a.version);
    expect(createCatalogModel(feed()).version).toBe(a.version);
  });

  it('travel in model.json and come back through the browser checks', () => {
    const model = createCatalogModel(feed());
    const { manifest, bin } = encodeModel(model);
    expect(bin.byteLength).toBe(0); // no table: model.json alone
    const back = decodeModel(parseManifest(JSON.parse(JSON.stringify(manifest))));
    expect(back.catalog!.items).toBe(603);
    expect([...back.catalog!.keys]).toEqual([...model.catalog!.keys]);
    expect([...back.catalog!.counts]).toEqual([...model.catalog!.counts]);
    const bad = (catalog: unknown) => () => parseManifest({ ...JSON.parse(JSON.stringify(manifest)), catalog });
    const c = manifest.catalog!;
    expect(bad({ ...c, keys: [...c.keys].reverse() })).toThrow(/catalog\.keys must be sorted/);
    expect(bad({ ...c, counts: c.counts.map(() => 10_000) })).toThrow(/catalog\.counts must be integers in 1\.\.catalog\.items/);
    expect(bad({ ...c, counts: c.counts.slice(1) })).toThrow(/same length/);
    expect(bad({ ...c, items: 0 })).toThrow(/catalog\.items/);
    expect(bad('counts')).toThrow(/catalog must be/);
  });

  // The shopper looked at one item of the small brand, in the big Shampoo category. The list has
  // one item sharing only the brand and one sharing only the category; within this list each is
  // held by one candidate, so list rarity cannot tell them apart and the category's field weight
  // wins. The catalogue knows 500 shampoos and 3 items of that brand.
  async function firstOf(model: InterestModel): Promise<string> {
    const engine = await createEngine({ model: { ...model, params: { ...model.params, positionWeight: 0 } }, now: () => NOW });
    await engine.track([validateEvent({ type: 'view', item: { id: 'seen', brand: 'Tiny Soap Co', categories: ['Shampoo'] }, at: NOW - 60_000 }, NOW)]);
    const list = [
      { id: 'same-category', brand: 'Brand 7', categories: ['Shampoo'] },
      { id: 'same-brand', brand: 'Tiny Soap Co', categories: ['Niche 1'] },
      ...Array.from({ length: 8 }, (_, i) => ({ id: `o${i}`, brand: `Other ${i}`, categories: [`Misc ${i}`] })),
    ];
    const r = await engine.rank(candidateItems(list));
    await engine.close();
    return list[r.order[0]!]!.id;
  }

  it('rank the match on a rare brand over the match on a crowded category, where list rarity alone does not', async () => {
    expect(await firstOf(createDefaultModel())).toBe('same-category');
    expect(await firstOf(createCatalogModel(feed()))).toBe('same-brand');
  });
});
