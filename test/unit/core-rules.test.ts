import { describe, expect, it } from 'vitest';
import { createWorkerEngine } from '../../src/core/engine/engine.js';
import { candidateItems, validateEvent, validateRerankOptions } from '../../src/core/wire/validate.js';
import { applyRules } from '../../src/core/rank/rules.js';
import { rotationSink } from '../../src/core/rank/shopper-facts.js';
import { seededUniform } from '../../src/core/rank/random.js';
import { fallbackResult, rankedResult } from '../../src/page/client/results.js';
import { HEARTH_ERRORS } from '../../src/core/errors.js';
import type { MerchandisingRules } from '../../src/core/types.js';
import type { StoredEvent } from '../../src/core/wire/wire.js';
import { messageOf } from '../support/message-of.js';

const NOW = 1_800_000_000_000;
const cats = ['Shoes', 'Jackets', 'Tents', 'Bikes'];
const raw = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, title: `${cats[i % 4]} ${i}`, brand: `B${i % 5}`, categories: ['Outdoor', cats[i % 4]!], attributes: { color: i % 2 ? 'red' : 'blue', tags: ['a', i % 3 ? 'b' : 'c'] } }));
const items = candidateItems(raw);
const ids = (order: readonly number[]) => order.map((i) => items[i]!.id);
const identity = items.map((_, i) => i);
const rules = (r: unknown): MerchandisingRules => validateRerankOptions({ rules: r }).rules!;

async function engineWith(events: Array<[string, number]>, seed = 1) {
  const e = await createWorkerEngine({ now: () => NOW, random: seededUniform(seed) });
  await e.track(events.map(([type, i], k) => validateEvent({ type, item: raw[i], at: NOW - 1_000 * (events.length - k) }, NOW)));
  return e;
}

describe('rules: applyRules', () => {
  it('exclude by ids, brand, category (case-insensitive), attribute; every given field must match', () => {
    expect(ids(applyRules(items, identity, rules({ exclude: [{ ids: ['p0', 'p3'] }] })).order)).not.toContain('p3');
    const byBrand = applyRules(items, identity, rules({ exclude: [{ brand: ' b1 ' }] }));
    expect(byBrand.excluded.map((i) => items[i]!.brand)).toEqual(['B1', 'B1', 'B1', 'B1', 'B1', 'B1']);
    expect(ids(applyRules(items, identity, rules({ exclude: [{ category: 'tents' }] })).order).some((id) => Number(id.slice(1)) % 4 === 2)).toBe(false);
    const both = applyRules(items, identity, rules({ exclude: [{ category: 'Tents', attribute: { name: 'color', value: 'blue' }, brand: 'B0' }] }));
    expect(both.excluded.map((i) => items[i]!.id)).toEqual(['p10']);
    expect(applyRules(items, identity, rules({ exclude: [{ category: 'Tents', attribute: { name: 'color', value: 'red' } }] })).excluded).toEqual([]);
    const tag = applyRules(items, identity, rules({ exclude: [{ attribute: { name: 'tags', value: 'c' } }] }));
    expect(tag.excluded.map((i) => items[i]!.id)).toEqual(['p0', 'p3', 'p6', 'p9', 'p12', 'p15', 'p18', 'p21', 'p24', 'p27']);
    expect(both.order).toHaveLength(29);
  });

  it('purchased/inCart match nothing without the history (the page fallback)', () => {
    const r = applyRules(items, identity, rules({ exclude: [{ purchased: true }, { inCart: false }] }));
    expect(r.order).toEqual(identity);
  });

  it('pin: the item at its slot; the first pin on a slot keeps it; past the end is last; absent ids are ignored', () => {
    const r = applyRules(items, identity, rules({ pin: [{ id: 'p20', position: 0 }, { id: 'p21', position: 0 }, { id: 'p1', position: 99 }, { id: 'nope', position: 2 }] }));
    expect(ids(r.order).slice(0, 4)).toEqual(['p20', 'p21', 'p0', 'p2']);
    expect(ids(r.order).at(-1)).toBe('p1');
    expect(r.order).toHaveLength(30);
    expect(r.promoted.filter(Boolean)).toHaveLength(3);
  });

  it('boost moves matching items by their weight in places; negative sinks; weights add', () => {
    const up = applyRules(items, identity, rules({ boost: [{ match: { ids: ['p10'] }, weight: 3 }] }));
    expect(ids(up.order).indexOf('p10')).toBe(7);
    expect(up.promoted[10]).toBe(true);
    const down = applyRules(items, identity, rules({ boost: [{ match: { ids: ['p10'] }, weight: -4 }] }));
    expect(ids(down.order).indexOf('p10')).toBe(14);
    expect(down.promoted[10]).toBe(false);
    const sum = applyRules(items, identity, rules({ boost: [{ match: { brand: 'B0' }, weight: 2 }, { match: { ids: ['p10'] }, weight: 3 }] }));
    // p10 (B0, 5 places) passes p5 (B0, 2 places) and ties with nobody.
    expect(ids(sum.order).slice(0, 7)).toEqual(['p0', 'p1', 'p2', 'p5', 'p3', 'p4', 'p10']);
  });

  it('an excluded pin stays out', () => {
    const r = applyRules(items, identity, rules({ exclude: [{ ids: ['p5'] }], pin: [{ id: 'p5', position: 0 }] }));
    expect(ids(r.order)).not.toContain('p5');
    expect(r.order[0]).toBe(0);
  });
});

describe('rules: in the engine', () => {
  it('apply after personalisation and with no history; reasons say promoted; excluded are out of order', async () => {
    const empty = await engineWith([]);
    const r0 = await empty.rank(items, { rules: rules({ pin: [{ id: 'p9', position: 1 }], exclude: [{ brand: 'B0' }] }) });
    expect(ids(r0.order).slice(0, 3)).toEqual(['p1', 'p9', 'p2']);
    expect(r0.reasons[9]).toEqual([{ kind: 'promoted', text: 'promoted by the shop' }]);
    expect(r0.excluded).toHaveLength(6);
    const e = await engineWith([['click', 2], ['click', 6]]);
    const r = await e.rank(items, { rules: rules({ pin: [{ id: 'p1', position: 0 }] }) });
    expect(r.order[0]).toBe(1);
    expect(r.reasons[1]![0]).toMatchObject({ kind: 'promoted' });
    expect(r.reasons[r.order[1]!]!.some((x) => x.kind === 'promoted')).toBe(false);
  });

  it('pins keep their slots under diversity, exploration and privacy noise', async () => {
    const pin = rules({ pin: [{ id: 'p29', position: 0 }, { id: 'p28', position: 4 }, { id: 'p27', position: 11 }] });
    for (let seed = 1; seed <= 20; seed++) {
      const e = await engineWith([['click', 2], ['click', 6], ['view', 11]], seed);
      for (const knobs of [{ diversity: 0.8 }, { exploration: 1 }, { privacyNoise: 1 }, { diversity: 0.5, exploration: 0.5 }]) {
        const r = await e.rank(items, { ...knobs, rules: pin });
        expect([r.order[0], r.order[4], r.order[11]]).toEqual([29, 28, 27]);
        expect(new Set(r.order).size).toBe(30);
      }
    }
  });

  it('purchased and inCart read the on-device history (a purchase clears the cart)', async () => {
    const e = await engineWith([['add_to_cart', 3], ['purchase', 3], ['add_to_cart', 4], ['purchase', 5], ['add_to_cart', 5]]);
    const bought = await e.rank(items, { rules: rules({ exclude: [{ purchased: true }] }) });
    expect(bought.excluded!.map((i) => items[i]!.id).sort()).toEqual(['p3', 'p5']);
    const cart = await e.rank(items, { rules: rules({ exclude: [{ inCart: true }] }) });
    expect(cart.excluded!.map((i) => items[i]!.id).sort()).toEqual(['p4', 'p5']);
  });

  it('the holdout (shopOrder) keeps the shop order with the rules', async () => {
    const e = await engineWith([['click', 2], ['click', 6]]);
    const r = await e.rank(items, { shopOrder: true, rules: rules({ exclude: [{ ids: ['p0'] }] }) });
    expect(r.order).toEqual(identity.slice(1));
    expect(r.backend).toBe('none');
  });
});

describe('rotation', () => {
  const imp = (id: string, hoursAgo: number, type: StoredEvent['type'] = 'impression', seq = 0): StoredEvent => ({ type, item: { id }, at: NOW - hoursAgo * 3_600_000, seq });
  it('sinks items shown many times without a click, fading with the time scale; a click resets it', () => {
    const list = candidateItems([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    const events = [imp('a', 1), imp('a', 1), imp('a', 1), imp('b', 100), imp('b', 100), imp('b', 100), imp('c', 1), imp('c', 1), imp('c', 0.5, 'click')];
    const sink = rotationSink(events, list, { rate: 1, hours: 24 }, NOW);
    expect(sink[0]).toBeCloseTo(3 * (1 - Math.exp(-3 * Math.exp(-1 / 24) / 3)), 6);
    expect(sink[1]).toBeLessThan(0.1);
    expect(sink[2]).toBe(0);
  });

  it('is off by default and moves the ignored item down when on', async () => {
    // Shoes clicked; p0 (Shoes) shown four times, never clicked.
    const e = await engineWith([['click', 4], ['click', 8], ['impression', 0], ['impression', 0], ['impression', 0], ['impression', 0]]);
    const plain = await e.rank(items);
    const rotated = await e.rank(items, { rotation: { rate: 1, hours: 24 } });
    expect(plain.order.indexOf(0)).toBeLessThan(10);
    expect(rotated.order.indexOf(0)).toBeGreaterThan(plain.order.indexOf(0) + 10);
    expect((await e.rank(items, { rotation: { rate: 0, hours: 24 } })).order).toEqual(plain.order);
  });
});

describe('rules: validation names the field', () => {
  const err = (r: unknown) => {
    const m = messageOf(() => validateRerankOptions(r));
    expect(m).toMatch(/^HearthInputError: /);
    return m.slice('HearthInputError: '.length);
  };
  it('rejects bad rules', () => {
    expect(err({ rules: { pin: [{ id: 'a', position: -1 }] } })).toBe('options.rules.pin[0].position must be a non-negative integer, got -1');
    expect(err({ rules: { pin: [{ id: 'a', position: 1.5 }] } })).toMatch(/^options\.rules\.pin\[0\]\.position must be a non-negative integer, got 1\.5/);
    expect(err({ rules: { boost: [{ match: {}, weight: Infinity }] } })).toMatch(/^options\.rules\.boost\[0\]\.weight must be a finite number, got Infinity/);
    expect(err({ rules: { boost: [{ match: { colour: 'red' }, weight: 1 }] } })).toMatch(/^options\.rules\.boost\[0\]\.match\.colour must be absent \(known fields: ids, brand/);
    expect(err({ rules: { exclude: [{ brand: 3 }] } })).toMatch(/^options\.rules\.exclude\[0\]\.brand must be a string, got 3/);
    expect(err({ rules: { exclude: [{ purchased: 'yes' }] } })).toMatch(/^options\.rules\.exclude\[0\]\.purchased must be a boolean/);
    expect(err({ rules: { exclude: [{ attribute: { name: 'x', value: {} } }] } })).toMatch(/^options\.rules\.exclude\[0\]\.attribute\.value\.x must be a string, number, boolean or string\[\]/);
    expect(err({ rules: { bury: [] } })).toMatch(/^options\.rules\.bury must be absent/);
    expect(err({ rules: { exclude: {} } })).toMatch(/^options\.rules\.exclude must be an array/);
    expect(err({ rotation: { rate: 2, hours: 1 } })).toMatch(/^options\.rotation\.rate must be between 0 and 1/);
    expect(err({ rotation: { rate: 1, hours: 0 } })).toMatch(/^options\.rotation\.hours must be more than 0/);
    expect(err({ rules: { pin: [{ id: '', position: 0 }] } })).toMatch(/^options\.rules\.pin\[0\]\.id must be a non-empty string/);
    expect(HEARTH_ERRORS.input).toBe('HearthInputError');
  });
});

describe('rules on the page', () => {
  it('the fallback applies the rules without the history, and says promoted', () => {
    const r = fallbackResult(raw, undefined, 0, items, rules({ exclude: [{ brand: 'B0' }, { purchased: false }], pin: [{ id: 'p7', position: 0 }] }));
    expect(r.items.map((x) => x.id).slice(0, 3)).toEqual(['p7', 'p1', 'p2']);
    expect(r.items).toHaveLength(24);
    expect(r.reasons[0]).toEqual([{ kind: 'promoted', text: 'promoted by the shop' }]);
    expect(r.fallback).toBe(true);
  });

  it('a ranked result leaves out what the worker excluded, and the tail matches the exclude rules', () => {
    const worker = { order: Int32Array.from([2, 0]), scores: new Float32Array(30), reasons: [], backend: 'js' as const, excluded: [1] };
    const r = rankedResult(raw, worker, undefined, 0, items, rules({ exclude: [{ ids: ['p1', 'p5'] }] }));
    expect(r.items.map((x) => x.id).slice(0, 4)).toEqual(['p2', 'p0', 'p3', 'p4']);
    expect(r.items.map((x) => x.id)).not.toContain('p5');
    expect(r.scores).toHaveLength(28);
  });
});

describe('rules: pins crowding the end of the list', () => {
  it('a pin whose slot and every later one are taken goes to the last free slot before', () => {
    const four = items.slice(0, 4);
    const r = applyRules(four, [0, 1, 2, 3], rules({ pin: [{ id: 'p0', position: 3 }, { id: 'p1', position: 3 }] }));
    expect(ids(r.order)).toEqual(['p2', 'p3', 'p1', 'p0']);
  });
});
