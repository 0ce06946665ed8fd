import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine/engine.js';
import { createMemoryStore } from '../../src/core/store/memory-store.js';
import { candidateItems, validateEvent } from '../../src/core/wire/validate.js';
import { seededUniform } from '../../src/core/rank/random.js';
import type { Reason } from '../../src/core/types.js';
import { featuredList } from '../../demo/catalogue.js';
import { neutralPlaces } from '../../src/core/engine/reason-gate.js';

const NOW = 1_800_000_000_000;
const item = (id: string, title: string, category: string, brand = 'Any') => ({ id, title, brand, categories: ['Outdoor', category], price: 50 });
const shoes = ['Urban Trail Shoe', 'Ridge Runner', 'Scree Sprinter', 'Mud Dasher', 'Peak Trainer', 'Canyon Racer'].map((t, k) => item(`s${k}`, t, 'Shoes', 'Stride'));
const others = [
  item('h1', 'Headlamp', 'Lights'),
  item('y1', 'Yoga mat', 'Yoga'),
  item('t1', 'Tent', 'Tents'),
  item('b1', 'Bottle', 'Bottles'),
  item('k1', 'Knife', 'Tools'),
  item('c1', 'Chair', 'Camp furniture'),
];
const ev = (type: string, it: object, at = NOW) => validateEvent({ type, item: it, at }, NOW);
const HISTORY = new Set(['similar', 'brand', 'category', 'next', 'learned']);
const history = (rs: readonly Reason[]) => rs.filter((r) => HISTORY.has(r.kind));

/** The shopper: a shoe in the cart, two more opened. */
async function shopper(random?: () => number) {
  const e = await createEngine({ store: createMemoryStore(), now: () => NOW, ...(random ? { random } : {}) });
  await e.track([ev('add_to_cart', shoes[0]!, NOW - 3000), ev('click', shoes[1]!, NOW - 2000), ev('click', shoes[2]!, NOW - 1000)]);
  return e;
}

describe('reasons are true', () => {
  it('gives no history reason to an item that moved down or that the history did not raise', async () => {
    const e = await shopper();
    const list = [...others, ...shoes.slice(3)];
    const r = await e.rank(candidateItems(list));
    const place = (i: number) => r.order.indexOf(i);
    // The shoes rise past the headlamp and the yoga mat, which move down.
    expect(place(0)).toBeGreaterThan(0);
    for (let i = 0; i < list.length; i++) {
      if (place(i) > i || list[i]!.categories[1] !== 'Shoes') expect(history(r.reasons[i]!), list[i]!.title).toEqual([]);
    }
    // A shoe the history lifted still says why.
    const lifted = list.findIndex((it, i) => it.categories[1] === 'Shoes' && place(i) < i);
    expect(history(r.reasons[lifted]!).map((x) => x.kind)).toContain('similar');
  });

  it('explains an item the history lifted far, even beside a strongly weighted cart item', async () => {
    // The demo's case: the rain shell clicked and carted weighs most; a trail shoe of its brand and
    // department rises from far down on it and must say why.
    const list = featuredList();
    const e = await createEngine({ store: createMemoryStore(), now: () => NOW });
    await e.track([ev('click', list[0]!, NOW - 5000), ev('add_to_cart', list[0]!, NOW - 4000), ev('click', list[1]!, NOW - 3000), ev('click', list[2]!, NOW - 2000)]);
    const r = await e.rank(candidateItems(list));
    const at = list.findIndex((p) => p.title === 'Urban Trail Shoe');
    expect(r.order.indexOf(at)).toBeLessThan(at - 10);
    expect(history(r.reasons[at]!).map((x) => x.kind)).toContain('similar');
  });

  it('counts where an item would sit at the neutral score as a direct count over the list does', () => {
    const r = seededUniform(5);
    const scores = Float32Array.from({ length: 300 }, () => r() * 2);
    const prior = Float64Array.from({ length: 300 }, (_, i) => -0.07 * Math.log1p(i));
    const at = neutralPlaces(scores, prior, 0.4);
    for (let i = 0; i < 300; i += 7) {
      let above = 0;
      for (let j = 0; j < 300; j++) if (j !== i && prior[j]! + scores[j]! > prior[i]! + 0.4) above++;
      expect(at(i)).toBe(above);
    }
  });

  it('does not keep a history reason on an item exploration placed', async () => {
    const e = await shopper(seededUniform(11));
    const list = [...others, ...shoes.slice(3), ...others.map((o) => ({ ...o, id: `${o.id}b` }))];
    let explored = 0;
    for (let round = 0; round < 5; round++) {
      const r = await e.rank(candidateItems(list), { exploration: 1 });
      r.reasons.forEach((rs) => {
        if (!rs.some((x) => x.kind === 'exploring')) return;
        explored++;
        expect(history(rs)).toEqual([]);
      });
    }
    expect(explored).toBeGreaterThan(0);
  });

  it('says an item was placed by privacy noise, and gives it no history reason', async () => {
    const e = await shopper(seededUniform(5));
    const list = [...others, ...shoes.slice(3)];
    let noised = 0;
    for (let round = 0; round < 5; round++) {
      const r = await e.rank(candidateItems(list), { privacyNoise: { epsilon: 1 } });
      r.reasons.forEach((rs) => {
        if (!rs.some((x) => x.kind === 'noise')) return;
        noised++;
        expect(history(rs)).toEqual([]);
      });
    }
    expect(noised).toBeGreaterThan(0);
  });
});

describe('defaults a merchandiser accepts', () => {
  it('does not push the item in the cart up a browsing list', async () => {
    const e = await shopper();
    const list = [...others, shoes[0]!, ...shoes.slice(3)];
    const r = await e.rank(candidateItems(list));
    const cart = list.indexOf(shoes[0]!);
    expect(r.order.indexOf(cart)).toBeGreaterThanOrEqual(cart);
    expect(history(r.reasons[cart]!)).toEqual([]);
  });

  it('keeps some variety in the top 10: at most 6 of one category, unless the shop turns it off', async () => {
    const e = await shopper();
    const more = Array.from({ length: 8 }, (_, k) => item(`m${k}`, `Shoe ${k}`, 'Shoes', 'Stride'));
    const list = [...others, ...shoes.slice(3), ...more];
    const topShoes = (order: number[]) => order.slice(0, 10).filter((i) => list[i]!.categories[1] === 'Shoes').length;
    expect(topShoes((await e.rank(candidateItems(list))).order)).toBe(6);
    expect(topShoes((await e.rank(candidateItems(list), { maxSameCategory: 10 })).order)).toBeGreaterThan(6);
  });
});
