import { describe, expect, it } from 'vitest';
import { createWorkerEngine } from '../../src/core/engine/engine.js';
import { createMemoryStore } from '../../src/core/store/memory-store.js';
import { candidateItems, validateEvent } from '../../src/core/wire/validate.js';
import { buildHistory } from '../../src/core/model/history.js';
import { DEFAULT_PARAMS } from '../../src/core/model/params.js';
import type { StoredEvent } from '../../src/core/wire/wire.js';

const NOW = 1_800_000_000_000;
const cats = ['Shoes', 'Jackets', 'Tents', 'Bikes'];
const items = Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, title: `${cats[i % 4]} item ${i}`, brand: `B${i % 5}`, categories: ['Outdoor', cats[i % 4]!], price: 20 + i * 3 }));
const cat = (id: string) => cats[Number(id.slice(1)) % 4];

async function engine(store = createMemoryStore(), maxEvents?: number) {
  return createWorkerEngine({ store, now: () => NOW, ...(maxEvents ? { maxEvents } : {}) });
}
const ev = (type: string, i: number, at = NOW) => validateEvent({ type, item: items[i], at }, NOW);

describe('engine', () => {
  it('keeps the original order with no history', async () => {
    const e = await engine();
    const r = await e.rank(candidateItems(items));
    expect(r.order).toEqual(items.map((_, i) => i));
    expect(r.backend).toBe('none');
  });

  it('lifts the clicked category, for items never seen', async () => {
    const e = await engine();
    await e.track([ev('click', 2), ev('click', 6), ev('click', 10)]);
    const unseen = items.filter((_, i) => ![2, 6, 10].includes(i));
    const r = await e.rank(candidateItems(unseen));
    const top = r.order.slice(0, 8).map((i) => cat(unseen[i]!.id));
    expect(top.filter((c) => c === 'Tents').length).toBeGreaterThanOrEqual(6);
  });

  it('weighs a purchase above a view, and old events below new ones', () => {
    const stored = (type: StoredEvent['type'], id: string, at: number): StoredEvent => ({ type, item: { id }, at, seq: 0 });
    const h = buildHistory([stored('view', 'a', NOW), stored('purchase', 'b', NOW), stored('click', 'old', NOW - 60 * 86_400_000), stored('click', 'new', NOW)], { ...DEFAULT_PARAMS, orderDecay: 1 }, NOW);
    const w = Object.fromEntries(h.map((e) => [e.item.id, e.weight]));
    expect(w.b!).toBeGreaterThan(w.a!);
    expect(w.new!).toBeGreaterThan(w.old!);
    expect(w.old!).toBeGreaterThan(0);
  });

  it('leaves the order to what the shopper did: impressions alone move nothing', async () => {
    const e = await engine();
    await e.track([ev('impression', 0), ev('impression', 0), ev('impression', 0)]);
    const r = await e.rank(candidateItems(items.slice(0, 5)));
    expect(r.scores[0]).toBe(0);
    expect(r.order).toEqual([0, 1, 2, 3, 4]);
  });

  it('forgets one item, then everything', async () => {
    const e = await engine();
    await e.track([ev('click', 2), ev('click', 3)]);
    await e.rank(candidateItems(items));
    expect(e.cachedItems).toBeGreaterThan(0);
    await e.forget({ itemId: 'p2' });
    expect(e.history().map((h) => h.item.id)).toEqual(['p3']);
    // What the shopper's lists held goes with what they did.
    expect(e.cachedItems).toBe(0);
    await e.forget({ all: true });
    expect(e.history()).toEqual([]);
    expect((await e.rank(candidateItems(items))).order).toEqual(items.map((_, i) => i));
  });

  it('records a purchase once per order id and item, however often it is reported', async () => {
    const store = createMemoryStore();
    const e = await engine(store);
    const buy = (i: number, orderId?: string) => validateEvent({ type: 'purchase', item: items[i], ...(orderId ? { orderId } : {}) }, NOW);
    await e.track([buy(1, 'T-1'), buy(2, 'T-1'), buy(1, 'T-1')]); // the same item twice in one report
    await e.track([buy(1, 'T-1'), buy(2, 'T-1')]); // the confirmation page reloaded
    await e.track([buy(1, 'T-2'), buy(3), buy(3)]); // another order; purchases without an id all count
    const stored = (await store.load(100)).map((x) => `${x.item.id}/${x.orderId ?? '-'}`);
    expect(stored).toEqual(['p1/T-1', 'p2/T-1', 'p1/T-2', 'p3/-', 'p3/-']);
    expect(e.eventCount).toBe(5);
  });

  it('caps stored history, keeping the newest events', async () => {
    const store = createMemoryStore();
    const e = await engine(store, 5);
    for (let i = 0; i < 12; i++) await e.track([ev('view', i)]);
    expect(e.eventCount).toBe(5);
    expect(await store.count()).toBe(5);
    expect((await store.load(100)).map((x) => x.item.id)).toEqual(['p7', 'p8', 'p9', 'p10', 'p11']);
  });

  it('reloads history from the store', async () => {
    const store = createMemoryStore();
    const first = await engine(store);
    await first.track([ev('add_to_cart', 3), ev('add_to_cart', 7)]);
    const before = await first.rank(candidateItems(items));
    const second = await engine(store);
    expect(second.eventCount).toBe(2);
    expect((await second.rank(candidateItems(items))).order).toEqual(before.order);
  });

  it('keeps candidates past the cap in their original order after the scored head', async () => {
    const e = await engine();
    await e.track([ev('click', 1)]);
    const many = Array.from({ length: 5_010 }, (_, i) => ({ id: `x${i}` }));
    const r = await e.rank(candidateItems(many));
    expect(r.order).toHaveLength(5_010);
    expect(r.order.slice(5_000)).toEqual([5_000, 5_001, 5_002, 5_003, 5_004, 5_005, 5_006, 5_007, 5_008, 5_009]);
  });

  it('moves events held in memory into a newly adopted store (consent granted after pending)', async () => {
    const persistent = createMemoryStore();
    await persistent.append([ev('view', 1)], 100);
    const e = await engine(createMemoryStore());
    await e.track([ev('click', 2), ev('click', 3)]);
    await e.adoptStore(persistent, true);
    expect((await persistent.load(10)).map((x) => x.item.id)).toEqual(['p1', 'p2', 'p3']);
    expect(e.history().map((h) => h.item.id).sort()).toEqual(['p1', 'p2', 'p3']);
    await e.adoptStore(createMemoryStore(), false);
    expect(e.eventCount).toBe(0);
  });
});
