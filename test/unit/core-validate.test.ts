import { describe, expect, it } from 'vitest';
import { candidateItems, validateEvent, validateForget, validateRerankOptions } from '../../src/core/wire/validate.js';
import { resolveOptions } from '../../src/page/client/options.js';

import { messageOf } from '../support/message-of.js';

describe('validateEvent', () => {
  it('accepts a full event and copies only known fields', () => {
    const e = validateEvent(
      { type: 'purchase', item: { id: 'a', title: 'T', brand: 'B', categories: ['c'], price: 9.5, attributes: { size: 'M', tags: ['x'] }, extra: 1 }, listId: 'l', position: 3, dwellMs: 10, at: 1_700_000_000_000, orderId: 'T-9' },
      1_700_000_000_000,
    );
    expect(e).toEqual({ type: 'purchase', item: { id: 'a', title: 'T', brand: 'B', categories: ['c'], price: 9.5, attrs: [['size', 'M'], ['tags', ['x']]] }, listId: 'l', position: 3, dwellMs: 10, at: 1_700_000_000_000, orderId: 'T-9' });
  });

  it('defaults `at` to now', () => {
    expect(validateEvent({ type: 'view', item: { id: 'a' } }, 123_456).at).toBe(123_456);
  });

  it.each([
    [{ type: 'like', item: { id: 'a' } }, /event\.type must be one of 'impression', 'view', 'click', 'add_to_cart', 'purchase', got "like"/],
    [{ type: 'click' }, /event\.item must be an object with an id, got undefined/],
    [{ type: 'click', item: { id: '  ' } }, /event\.item\.id must be a non-empty string/],
    [{ type: 'click', item: { id: 7 } }, /event\.item\.id must be a string, got 7/],
    [{ type: 'click', item: { id: 'a', price: Infinity } }, /event\.item\.price must be a finite number, got Infinity/],
    [{ type: 'click', item: { id: 'a', price: -1 } }, /event\.item\.price must be between 0 and/],
    [{ type: 'click', item: { id: 'a', title: 'x'.repeat(1001) } }, /event\.item\.title must be at most 1000 characters, got a string of 1001 characters/],
    [{ type: 'click', item: { id: 'a', categories: 'shoes' } }, /event\.item\.categories must be an array of strings/],
    [{ type: 'click', item: { id: 'a', attributes: { deep: { x: 1 } } } }, /event\.item\.attributes\.deep must be a string, number, boolean or string\[\]/],
    [{ type: 'click', item: { id: 'a' }, position: 1.5 }, /event\.position must be an integer/],
    [{ type: 'click', item: { id: 'a' }, dwellMs: -5 }, /event\.dwellMs must be between 0 and 86400000/],
    [{ type: 'click', item: { id: 'a' }, at: 5 }, /event\.at must be between/],
    [{ type: 'purchase', item: { id: 'a' }, orderId: 1001 }, /event\.orderId must be a string, got 1001/],
    ['click', /event must be an object like \{ type, item \}/],
  ])('rejects %j naming the field', (input, pattern) => {
    expect(messageOf(() => validateEvent(input, 1_700_000_000_000))).toMatch(new RegExp(`^HearthInputError: ${pattern.source}`));
  });

  it('keeps a __proto__ attribute as plain data', () => {
    const raw = JSON.parse('{"type":"click","item":{"id":"a","attributes":{"__proto__":"x"}}}');
    const e = validateEvent(raw);
    expect(e.item.attrs).toEqual([['__proto__', 'x']]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('candidateItems', () => {
  it('requires an array of items with ids', () => {
    expect(messageOf(() => candidateItems({}))).toMatch(/items must be an array of items/);
    expect(messageOf(() => candidateItems([{ id: 'a' }, null]))).toMatch(/items\[1\] must be an object with an id, got null/);
    expect(messageOf(() => candidateItems([{ id: '' }]))).toMatch(/items\[0\]\.id must be a non-empty string/);
  });

  it('drops malformed optional fields instead of failing the list', () => {
    expect(candidateItems([{ id: 'a', price: 'cheap', categories: ['x', 3], title: 42 }])).toEqual([{ id: 'a', categories: ['x'] }]);
  });
});

describe('options', () => {
  it('validates rerank options', () => {
    expect(validateRerankOptions({ limit: 3, timeoutMs: 10, listId: 'x' })).toEqual({ limit: 3, timeoutMs: 10, listId: 'x' });
    expect(messageOf(() => validateRerankOptions({ limit: -1 }))).toMatch(/options\.limit must be between 0 and/);
  });

  it('validates createHearth options, listing valid values', () => {
    expect(resolveOptions({}, 'http://x/')).toEqual({ dbName: 'hearth', backend: 'auto', timeoutMs: 50, consent: 'granted' });
    expect(messageOf(() => resolveOptions({ consent: 'yes' as 'granted' }))).toMatch(/options\.consent must be one of 'granted', 'pending', 'denied', got "yes"/);
    expect(messageOf(() => resolveOptions({ maxEvents: 5 }))).toMatch(/options\.maxEvents must be an integer between 100 and 1000000, got 5/);
    expect(messageOf(() => resolveOptions({ backend: 'gpu' as 'cpu' }))).toMatch(/options\.backend must be one of 'auto', 'webgpu', 'webgl', 'wasm', 'cpu', got "gpu"/);
    expect(messageOf(() => resolveOptions({ timeoutMs: NaN }))).toMatch(/options\.timeoutMs must be/);
    expect(resolveOptions({ modelUrl: '/m/model.json' }, 'http://shop.example/p/').modelUrl).toBe('http://shop.example/m/model.json');
  });

  it('validates forget requests', () => {
    expect(validateForget({ all: true })).toEqual({ all: true });
    expect(validateForget({ itemId: 'x' })).toEqual({ itemId: 'x' });
    expect(validateForget({ brand: 'Acme' })).toEqual({ brand: 'Acme' });
    expect(validateForget({ category: 'Tents' })).toEqual({ category: 'Tents' });
    expect(validateForget({ from: 5, to: 9 })).toEqual({ from: 5, to: 9 });
    expect(messageOf(() => validateForget({ all: 'yes' }))).toMatch(/forget argument must be \{ itemId \}, \{ brand \}, \{ category \}, \{ from\?, to\? \} \(epoch ms\) or \{ all: true \}/);
    expect(messageOf(() => validateForget({ from: 9, to: 5 }))).toMatch(/forget\.from must be at most forget\.to, got 9/);
    expect(messageOf(() => validateRerankOptions({ diversity: 2 }))).toMatch(/options\.diversity must be between 0 and 1, got 2/);
  });
});
