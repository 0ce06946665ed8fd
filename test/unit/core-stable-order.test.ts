import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine/engine.js';
import { createMemoryStore } from '../../src/core/store/memory-store.js';
import { candidateItems, validateEvent, validateRerankOptions } from '../../src/core/wire/validate.js';
import type { RankKnobs } from '../../src/core/wire/wire.js';

const NOW = 1_800_000_000_000;
const cats = ['Shoes', 'Tents', 'Lights', 'Yoga'];
const items = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, title: `${cats[i % 4]} ${i}`, brand: `B${i % 3}`, categories: ['Outdoor', cats[i % 4]!], price: 20 + i }));
const ev = (type: string, i: number, at: number) => validateEvent({ type, item: items[i], at, listId: 'grid', position: i }, at);
const KNOBS: RankKnobs[] = [{}, { exploration: 0.8 }, { privacyNoise: { epsilon: 2 } }, { exploration: 0.5, diversity: 0.3 }];

describe('a shopper who does nothing new sees the same order', () => {
  it('after the grid’s own impressions and a reload (a new engine on the same store), with every knob', async () => {
    let now = NOW;
    const store = createMemoryStore();
    const first = await createEngine({ store, now: () => now });
    await first.track([ev('click', 1, now - 5000), ev('add_to_cart', 5, now - 4000)]);
    const list = candidateItems(items);
    const before = await Promise.all(KNOBS.map((k) => first.rank(list, k).then((r) => r.order)));
    // The page records the grid's impressions, then the shopper reloads a few minutes later.
    now += 2000;
    await first.track(items.map((_, i) => ev('impression', i, now)));
    await first.flush();
    now += 5 * 60_000;
    const reloaded = await createEngine({ store, now: () => now });
    for (const [k, knobs] of KNOBS.entries()) {
      expect((await first.rank(list, knobs)).order, JSON.stringify(knobs)).toEqual(before[k]);
      expect((await reloaded.rank(list, knobs)).order, JSON.stringify(knobs)).toEqual(before[k]);
    }
  });

  it('draws afresh once the shopper does something new', async () => {
    const e = await createEngine({ now: () => NOW });
    await e.track([ev('click', 1, NOW - 5000)]);
    const list = candidateItems(items);
    const draws = new Set<string>();
    for (let k = 0; k < 4; k++) {
      draws.add(JSON.stringify((await e.rank(list, { privacyNoise: { epsilon: 1 } })).order));
      await e.track([ev('view', 10 + k, NOW - 4000 + k)]);
    }
    expect(draws.size).toBeGreaterThan(1);
  });
});

describe('privacy noise set by ε', () => {
  it('reads { epsilon } and the older 0–1 level as the same mechanism', async () => {
    const e = await createEngine({ now: () => NOW, seed: 7 });
    await e.track([ev('click', 1, NOW - 5000)]);
    const list = candidateItems(items);
    const byEpsilon = await e.rank(list, { privacyNoise: { epsilon: 2 } });
    const byLevel = await e.rank(list, { privacyNoise: 0.5 });
    expect(byEpsilon.epsilon).toBe(2);
    expect(byLevel.order).toEqual(byEpsilon.order);
  });

  it('rejects a bad ε naming the field and what is expected', () => {
    expect(validateRerankOptions({ privacyNoise: { epsilon: 8 } })).toEqual({ privacyNoise: { epsilon: 8 } });
    expect(validateRerankOptions({ privacyNoise: 0.1 })).toEqual({ privacyNoise: 0.1 });
    expect(() => validateRerankOptions({ privacyNoise: { epsilon: 0 } })).toThrow(/options\.privacyNoise\.epsilon must be a number above 0/);
    expect(() => validateRerankOptions({ privacyNoise: { epsilon: 'high' } })).toThrow(/options\.privacyNoise\.epsilon must be a finite number/);
    expect(() => validateRerankOptions({ privacyNoise: { eps: 8 } })).toThrow(/options\.privacyNoise\.eps/);
    expect(() => validateRerankOptions({ privacyNoise: 2 })).toThrow(/options\.privacyNoise must be between 0 and 1/);
    expect(() => validateRerankOptions({ maxSameCategory: 0 })).toThrow(/options\.maxSameCategory must be between 1 and 10/);
  });
});
