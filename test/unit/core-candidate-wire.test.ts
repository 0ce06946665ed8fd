import { describe, expect, it } from 'vitest';
import { candidateLines, checkWireItem, encodeCandidates, parseCandidate } from '../../src/core/wire/candidate-wire.js';
import { candidateItems } from '../../src/core/wire/validate.js';
import { HEARTH_ERRORS } from '../../src/core/errors.js';
import { itemFeatures } from '../../src/core/model/features.js';
import { createCandidateCache } from '../../src/worker/candidate-cache.js';
import { createLineCache } from '../../src/page/client/line-cache.js';
import { encodeRankResult } from '../../src/worker/rank-codec.js';
import { rankedResult } from '../../src/page/client/results.js';
import { REASONED_PLACES, type EngineRankResult } from '../../src/core/engine/engine.js';
import { createFuzzer } from '../support/fuzz.js';
import type { Reason } from '../../src/core/types.js';

import { messageOf } from '../support/message-of.js';

const decode = (encoded: unknown) => createCandidateCache().decode(encoded);

describe('rank request encoding (one JSON line per item)', () => {
  it('round-trips validated candidates exactly, odd strings included', () => {
    const items = candidateItems([
      { id: 'a', title: 'Trail shoe\nwith a newline', brand: 'Salomon', categories: ['Shoes', 'Trail'], price: 129.95, attributes: { size: 42, tags: ['x', 'y'], sale: true, colour: 'red' } },
      { id: 'lone \uD800 surrogate', title: 'emoji 👟 and \u2028 and \u0000 and "quotes" \\ slashes' },
      { id: '{"id":"not really"}' },
      JSON.parse('{"id":"p","attributes":{"__proto__":"x","constructor":1}}'),
      { id: 'c', categories: [] },
    ]);
    const encoded = encodeCandidates(items);
    expect(candidateLines(encoded)).toHaveLength(items.length);
    expect(decode(encoded)).toEqual(items);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('encodes an empty list and back', () => {
    expect(encodeCandidates([])).toEqual([]);
    expect(decode([])).toEqual([]);
  });

  it('round-trips every fuzzed list the page accepts (same features; JSON has no -0)', () => {
    const fuzz = createFuzzer(8);
    let lists = 0;
    for (let i = 0; i < 1_500; i++) {
      let items;
      try {
        items = candidateItems(fuzz.itemList());
      } catch {
        continue;
      }
      lists++;
      const back = decode(encodeCandidates(items));
      // -0 (a price or attribute) comes back as 0, which hashes to the same features.
      expect(back).toEqual(JSON.parse(JSON.stringify(items)));
      expect(back.map(itemFeatures)).toEqual(items.map(itemFeatures));
    }
    expect(lists).toBeGreaterThan(500);
  });

  it('gives back the same object for a line it has decoded before (the vector caches key on identity)', () => {
    const cache = createCandidateCache(3);
    const encoded = encodeCandidates(candidateItems([{ id: 'a', title: 'A' }, { id: 'b' }]));
    const first = cache.decode(encoded);
    const again = cache.decode(encoded);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    // A changed field is another line: a new item, not the cached one.
    expect(cache.decode(encodeCandidates(candidateItems([{ id: 'a', title: 'B' }])))[0]).toEqual({ id: 'a', title: 'B' });
    // Bounded: the oldest lines are evicted first.
    cache.decode(encodeCandidates(candidateItems([{ id: 'c' }, { id: 'd' }])));
    expect(cache.size).toBe(3);
    expect(cache.decode(encoded)[0]).not.toBe(first[0]);
  });

  it.each([
    [42, /^HearthInputError: items must be an array of JSON lines/],
    ['{"id":"a"}', /^HearthInputError: items must be an array of JSON lines/],
    [['{"id":"a"}', 7], /^HearthInputError: items\[1\] must be a string \(an item as one line of JSON\), got 7/],
    [['{"id":"a"}', 'not json'], /^HearthInputError: items\[1\] must be an item as one line of JSON, got "not json"/],
    [['{"id":"a"}', ''], /^HearthInputError: items\[1\] must be an item as one line of JSON/],
    [['[1,2]'], /^HearthInputError: items\[0\] must be an object with an id, got an array of 2/],
    [['{"title":"no id"}'], /^HearthInputError: items\[0\]\.id must be a string, got undefined/],
    [['{"id":""}'], /^HearthInputError: items\[0\]\.id must be a non-empty string/],
    [[`{"id":"${'x'.repeat(257)}"}`], /^HearthInputError: items\[0\]\.id must be at most 256 characters/],
    [['{"id":"a"}', '{"id":"b","price":-1}'], /^HearthInputError: items\[1\]\.price must be a finite number ≥ 0, got -1/],
    [['{"id":"a","title":7}'], /^HearthInputError: items\[0\]\.title must be a string, got 7/],
    [['{"id":"a","categories":"shoes"}'], /^HearthInputError: items\[0\]\.categories must be an array of at most 16 strings/],
    [['{"id":"a","categories":["ok",3]}'], /^HearthInputError: items\[0\]\.categories\[1\] must be a string, got 3/],
    [['{"id":"a","attrs":{"size":1}}'], /^HearthInputError: items\[0\]\.attrs must be an array of at most 64 \[key, value\] pairs/],
    [['{"id":"a","attrs":[["size"]]}'], /^HearthInputError: items\[0\]\.attrs\[0\] must be a \[key, value\] pair/],
    [['{"id":"a","attrs":[["deep",{"x":1}]]}'], /^HearthInputError: items\[0\]\.attrs\[0\]\[1\] must be a string, finite number, boolean or at most 32 strings/],
    [['{"id":"a","attrs":[["tags",["ok",null]]]}'], /^HearthInputError: items\[0\]\.attrs\[0\]\[1\]\[1\] must be a string, got null/],
  ])('rejects %j naming the field', (input, pattern) => {
    expect(messageOf(() => decode(input))).toMatch(pattern);
  });

  it('keeps only the known fields of a decoded item', () => {
    expect(checkWireItem({ id: 'a', extra: 1, attributes: { x: 1 } }, 'items[0]')).toEqual({ id: 'a' });
    expect(parseCandidate('{"id":"a","__proto__":{"polluted":1}}', 'items[0]')).toEqual({ id: 'a' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names its errors HearthInputError', () => {
    let err: unknown;
    try {
      decode(['{}']);
    } catch (e) {
      err = e;
    }
    expect((err as Error).name).toBe(HEARTH_ERRORS.input);
  });
});

describe('page-side line cache', () => {
  it('always sends what the objects hold now, reused or not', () => {
    const fuzz = createFuzzer(31);
    const cache = createLineCache();
    const pool: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 800; i++) {
      // A list drawn from objects seen before, some of them changed in place since.
      const list: unknown[] = Array.from({ length: 1 + Math.floor(fuzz.rnd() * 8) }, () => {
        if (pool.length > 0 && fuzz.rnd() < 0.7) return pool[Math.floor(fuzz.rnd() * pool.length)];
        const fresh = fuzz.item(0.05) as Record<string, unknown>;
        if (typeof fresh === 'object' && fresh !== null && !Array.isArray(fresh)) pool.push(fresh);
        return fresh;
      });
      for (const o of pool.slice(-5)) {
        const r = fuzz.rnd();
        if (r < 0.1) o.title = `changed ${i}`;
        else if (r < 0.15 && Array.isArray(o.categories)) o.categories.push('more');
        else if (r < 0.2 && typeof o.attributes === 'object' && o.attributes !== null) (o.attributes as Record<string, unknown>).size = i;
        else if (r < 0.25) o.price = i;
        else if (r < 0.3) delete o.brand;
      }
      let wire;
      try {
        wire = candidateItems(list);
      } catch {
        continue;
      }
      expect(cache.encode(list, wire)).toEqual(encodeCandidates(wire));
    }
  });
});

describe('rank result encoding (typed arrays, reasons by place)', () => {
  const reason = (text: string): Reason[] => [{ kind: 'similar', text }];

  it('carries order and scores unchanged and the reasons of the first places', () => {
    const n = REASONED_PLACES + 50;
    const order = Array.from({ length: n }, (_, i) => n - 1 - i);
    const scores = Array.from(Float32Array.from({ length: n }, (_, i) => Math.sin(i) * 3.7));
    const reasons = Array.from({ length: n }, (_, i) => reason(`item ${i}`));
    const r: EngineRankResult = { order, scores, reasons, backend: 'wasm', ms: 1, epsilon: 0.5 };
    const wire = encodeRankResult(r);
    expect(wire.order).toBeInstanceOf(Int32Array);
    expect(wire.scores).toBeInstanceOf(Float32Array);
    expect(Array.from(wire.order)).toEqual(order);
    expect(Array.from(wire.scores)).toEqual(scores);
    expect(wire.reasons).toHaveLength(REASONED_PLACES);
    expect(wire.reasons[0]).toEqual(reason(`item ${n - 1}`));
    expect(wire.epsilon).toBe(0.5);
    // What the page builds from it: reasons follow their items; places past the first get none.
    const items = Array.from({ length: n }, (_, i) => ({ id: `p${i}` }));
    const page = rankedResult(items, structuredClone(wire), undefined, 0);
    expect(page.items.map((x) => x.id)).toEqual(order.map((i) => `p${i}`));
    expect(page.scores).toEqual(order.map((i) => scores[i]));
    page.items.forEach((item, k) => expect(page.reasons[k]).toEqual(k < REASONED_PLACES ? reason(`item ${item.id.slice(1)}`) : []));
    expect(page.epsilon).toBe(0.5);
  });

  it('maps reasons onto a cut list (limit) and ignores order entries that name no item', () => {
    const wire = encodeRankResult({ order: [2, 0, 1], scores: [0.1, 0.2, 0.3], reasons: [reason('zero'), reason('one'), reason('two')], backend: 'cpu', ms: 0 });
    const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = rankedResult(items, wire, 2, 0);
    expect(page.items.map((x) => x.id)).toEqual(['c', 'a']);
    expect(page.reasons).toEqual([reason('two'), reason('zero')]);
    const odd = rankedResult(items, { ...wire, order: Int32Array.from([7, 1, 1]), reasons: [reason('x'), reason('one'), reason('dup')] }, undefined, 0);
    expect(odd.items.map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(odd.reasons).toEqual([reason('one'), [], []]);
  });
});
