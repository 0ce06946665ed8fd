import { describe, expect, it } from 'vitest';
import { countCatalog, createCatalogModel, impliedFeatures } from '../../src/core/model/catalog-rarity.js';
import { forEachRelated } from '../../src/core/model/catalog-relations.js';
import { hashString } from '../../src/core/model/hash.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { decodeModel, encodeModel, parseManifest } from '../../src/core/model/model-format.js';
import { createEngine } from '../../src/engine.js';
import { candidateItems, validateEvent } from '../../src/core/wire/validate.js';
import type { WireItem } from '../../src/core/wire/wire.js';
import { nailFeed } from '../support/nail-feed.js';

const NOW = 1_800_000_000_000;
const h = (key: string) => hashString(key);

/** Related features of `key` as { hash: share }. */
function relatedOf(items: WireItem[], key: string, perFeature?: number): Map<number, number> {
  const c = countCatalog(items, undefined, perFeature);
  const out = new Map<number, number>();
  forEachRelated(c.related!, c.keys, c.counts, c.keys.indexOf(h(key)), (g, share) => out.set(g, share));
  return out;
}

describe('catalogue relations', () => {
  it('relate each feature to those the same items hold, with P(related | feature)', () => {
    const rel = relatedOf(nailFeed(), 'cat:nail polish');
    expect(rel.get(h('cat:nail art'))).toBeCloseTo(40 / 60, 12);
    expect(rel.get(h('cat:beauty'))).toBe(1);
    expect(rel.has(h('cat:lipstick'))).toBe(false);
    expect(rel.has(h('cat:nail polish'))).toBe(false); // never itself
    // A brand's relations are its items' categories.
    const brand = relatedOf(nailFeed(), 'brand:lips 0');
    expect(brand.get(h('cat:lipstick'))).toBe(1);
    expect(brand.get(h('cat:beauty'))).toBe(1);
  });

  it('keep the features that lie most within it (highest P(feature | related)), ties to the smaller hash', () => {
    // 60 items hold nail polish and Beauty, 40 of them nail art: Beauty is held with it more
    // often, but only 60 of its 1,140 items are nail polish, against 40 of nail art's 60.
    const rel = relatedOf(nailFeed(), 'cat:nail polish', 1);
    expect([...rel.keys()]).toEqual([h('cat:nail art')]);
    // All of each Lips brand's 10 items are lipsticks: the six tie at 1, ahead of Beauty.
    const brands = relatedOf(nailFeed(), 'cat:lipstick', 3);
    const six = Array.from({ length: 6 }, (_, i) => h(`brand:lips ${i}`)).sort((a, b) => a - b);
    expect(new Set(brands.keys())).toEqual(new Set(six.slice(0, 3)));
  });

  it('imply, for a zero-training model only, related features weighed by the held one’s catalogue rarity', () => {
    const model = createCatalogModel(nailFeed());
    const implied = impliedFeatures(model)!;
    const seen = new Map<number, number>();
    implied(h('cat:nail polish'), 0.5, (g, v) => seen.set(g, v));
    const N = 1140;
    const rarity = (Math.log((N + 1) / 61) / Math.log(N + 1)) ** 2;
    expect(seen.get(h('cat:nail art'))).toBeCloseTo(0.5 * 0.6 * rarity * (40 / 60), 12);
    // What every item holds implies nothing.
    const fromBeauty: number[] = [];
    implied(h('cat:beauty'), 1, (_, v) => fromBeauty.push(v));
    expect(fromBeauty).toEqual([]);
    expect(impliedFeatures({ ...model, params: { ...model.params, relatedWeight: 0 } })).toBeUndefined();
    const table = { keys: new Uint32Array(0), context: new Float32Array(0), target: new Float32Array(0) };
    expect(impliedFeatures({ ...model, table })).toBeUndefined();
  });

  it('name the relations in the model version', () => {
    // Each feature on one item in both feeds (the same counts), but held together differently.
    const a = createCatalogModel([{ id: 'x', categories: ['A', 'B'] }, { id: 'y', categories: ['C'] }]);
    const b = createCatalogModel([{ id: 'x', categories: ['A'] }, { id: 'y', categories: ['B', 'C'] }]);
    expect([...a.catalog!.counts]).toEqual([...b.catalog!.counts]);
    expect(b.version).not.toBe(a.version);
  });

  it('travel in model.json and come back through the browser checks', () => {
    const model = createCatalogModel(nailFeed());
    const { manifest } = encodeModel(model);
    const json = () => JSON.parse(JSON.stringify(manifest));
    const back = decodeModel(parseManifest(json()));
    for (const part of ['offsets', 'targets', 'together'] as const) expect([...back.catalog!.related![part]]).toEqual([...model.catalog!.related![part]]);
    const r = manifest.catalog!.related!;
    const bad = (related: unknown) => () => parseManifest({ ...json(), catalog: { ...json().catalog, related } });
    expect(bad({ ...r, offsets: r.offsets.slice(1) })).toThrow(/catalog\.related\.offsets must run from 0/);
    expect(bad({ ...r, targets: r.targets.map(() => 10_000) })).toThrow(/catalog\.related\.targets must index catalog\.keys/);
    expect(bad({ ...r, targets: r.targets.map((_, j) => r.offsets.findIndex((o, k) => j >= o && j < r.offsets[k + 1]!)) })).toThrow(/not the feature itself/);
    expect(bad({ ...r, together: r.together.map(() => 1_000) })).toThrow(/catalog\.related\.together must be integers/);
    expect(bad({ ...r, offsets: r.offsets.map((o, k) => (k === 1 ? r.targets.length + 1 : o)) })).toThrow(/never decrease/);
    expect(bad('x')).toThrow(/catalog\.related must be/);
    expect(() => parseManifest({ ...json(), params: { ...json().params, relatedWeight: -1 } })).toThrow(/params\.relatedWeight/);
  });

  // The shopper looked at nail polish only. Nail art shares no brand or category with it; nor
  // does a lipstick. Only the catalogue knows that nail polish and nail art go together.
  async function scores(model: InterestModel): Promise<{ first: string; score: Record<string, number> }> {
    const engine = await createEngine({ model: { ...model, params: { ...model.params, positionWeight: 0 } }, now: () => NOW });
    await engine.track([validateEvent({ type: 'view', item: { id: 'seen', brand: 'Polish 1', categories: ['Beauty', 'Nail Polish'] }, at: NOW - 60_000 }, NOW)]);
    const list = [
      { id: 'lipstick', brand: 'Lips 2', categories: ['Beauty', 'Lipstick'] },
      { id: 'nail-art', brand: 'Art 3', categories: ['Beauty', 'Nail Art'] },
      ...Array.from({ length: 8 }, (_, i) => ({ id: `o${i}`, brand: `Misc ${i % 6}`, categories: ['Beauty', `Other ${i}`] })),
    ];
    const r = await engine.rank(candidateItems(list));
    await engine.close();
    return { first: list[r.order[0]!]!.id, score: Object.fromEntries(list.map((item, i) => [item.id, r.scores[i]!])) };
  }

  it('rank an item of a related category over an unrelated one, which exact overlap alone cannot', async () => {
    const model = createCatalogModel(nailFeed());
    const off = await scores({ ...model, params: { ...model.params, relatedWeight: 0 } });
    expect(off.score['nail-art']).toBeCloseTo(off.score['lipstick']!, 9);
    expect(off.first).toBe('lipstick'); // a tie keeps the shop's order
    const on = await scores(model);
    expect(on.first).toBe('nail-art');
    expect(on.score['nail-art']).toBeGreaterThan(on.score['lipstick']!);
    expect(on.score['lipstick']).toBeCloseTo(on.score['o0']!, 9);
  });
});
