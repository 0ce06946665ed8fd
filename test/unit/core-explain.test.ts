import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine/engine.js';
import { createMemoryStore } from '../../src/core/store/memory-store.js';
import { candidateItems, validateEvent } from '../../src/core/wire/validate.js';
import { seededUniform } from '../../src/core/rank/random.js';
import { SESSION_GAP_MS } from '../../src/core/engine/profile.js';

const NOW = 1_800_000_000_000;
const tent = (id: string, brand: string, price = 200) => ({ id, title: `Tent ${id}`, brand, categories: ['Camping', 'Tents'], price });
const shoe = (id: string) => ({ id, title: `Shoe ${id}`, brand: 'Stride', categories: ['Running', 'Shoes'], price: 90 });
const engine = (store = createMemoryStore()) => createEngine({ store, now: () => NOW, random: seededUniform(3) });
const ev = (type: string, item: object, at = NOW) => validateEvent({ type, item, at }, NOW);

describe('explanations, profile, forget filters', () => {
  it('explains a lift with the history item behind it and what they share', async () => {
    const e = await engine();
    await e.track([ev('click', tent('t1', 'Northfold'))]);
    const items = candidateItems([shoe('s1'), tent('t2', 'Northfold'), shoe('s2')]);
    const r = await e.rank(items);
    expect(items[r.order[0]!]!.id).toBe('t2');
    const reasons = r.reasons[1]!;
    expect(reasons[0]).toMatchObject({ kind: 'similar', text: 'because you clicked “Tent t1”', itemId: 't1' });
    expect(reasons[0]!.weight).toBeGreaterThan(0);
    expect(reasons.map((x) => x.text)).toEqual(expect.arrayContaining(['brand you like: Northfold', 'more from Tents']));
  });

  it('phrases a cart add as a shopper would read it; the carted item itself is not lifted, so says nothing', async () => {
    const e = await engine();
    await e.track([ev('add_to_cart', tent('t1', 'Northfold'))]);
    const items = candidateItems([tent('t1', 'Northfold'), tent('t2', 'Northfold')]);
    const r = await e.rank(items);
    expect(r.order).toEqual([1, 0]);
    expect(r.reasons[0]).toEqual([]);
    expect(r.reasons[1]![0]).toMatchObject({ kind: 'similar', text: 'because you added “Tent t1” to your cart' });
  });

  it('phrases the item itself as “it”', async () => {
    const e = await engine();
    await e.track([ev('click', tent('t1', 'Northfold'))]);
    // Second in the shop's list, so the history is what puts it first (an item already first needs no reason).
    const r = await e.rank(candidateItems([shoe('s1'), tent('t1', 'Northfold')]));
    expect(r.order[0]).toBe(1);
    expect(r.reasons[1]![0]).toMatchObject({ kind: 'similar', text: 'you clicked it' });
  });

  it('gives no reason for impressions alone: they do not place anything', async () => {
    const e = await engine();
    await e.track([ev('impression', shoe('s1')), ev('impression', shoe('s1'))]);
    const r = await e.rank(candidateItems([shoe('s1'), tent('t9', 'Basecamp')]));
    expect(r.order).toEqual([0, 1]);
    expect(r.reasons).toEqual([[], []]);
  });

  it('profiles long-term and session interests with the model’s own weights', async () => {
    const e = await engine();
    const old = NOW - 5 * 86_400_000;
    await e.track([ev('purchase', tent('t1', 'Northfold'), old), ev('click', tent('t2', 'Basecamp'), old + 1000)]);
    await e.track([ev('click', shoe('s1'), NOW - SESSION_GAP_MS / 2), ev('view', shoe('s2'), NOW - 1000)]);
    const p = e.profile();
    expect(p.events).toBe(4);
    expect(p.since).toBe(old);
    expect(p.longTerm.categories.map((c) => c.name)).toEqual(expect.arrayContaining(['Camping', 'Tents', 'Running', 'Shoes']));
    expect(p.session.events).toBe(2);
    expect(p.session.categories.map((c) => c.name).sort()).toEqual(['Running', 'Shoes']);
    expect(p.session.brands).toEqual([expect.objectContaining({ name: 'Stride', share: 1 })]);
    const band = p.longTerm.priceBands[0]!;
    expect(band.min).toBeLessThanOrEqual(200);
    expect(band.max).toBeGreaterThan(90);
  });

  it('forgets by brand, by category and by time range, in memory and in the store', async () => {
    const store = createMemoryStore();
    const e = await engine(store);
    await e.track([ev('click', tent('t1', 'Northfold'), NOW - 3000), ev('click', tent('t2', 'Basecamp'), NOW - 2000), ev('click', shoe('s1'), NOW - 1000)]);
    await e.forget({ brand: 'northfold' });
    expect((await store.load(10)).map((x) => x.item.id)).toEqual(['t2', 's1']);
    await e.forget({ category: 'Running' });
    expect(e.allEvents().map((x) => x.item.id)).toEqual(['t2']);
    await e.track([ev('view', shoe('s3'), NOW)]);
    await e.forget({ from: NOW - 2500, to: NOW - 1500 });
    expect((await store.load(10)).map((x) => x.item.id)).toEqual(['s3']);
  });
});
