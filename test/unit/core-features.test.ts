import { describe, expect, it } from 'vitest';
import { hashString } from '../../src/core/model/hash.js';
import { itemFeatures, priceBand } from '../../src/core/model/features.js';
import { itemVector } from '../../src/core/model/item-vector.js';
import { createDefaultModel } from '../../src/core/model/model.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);

describe('hashing', () => {
  it('is deterministic and spreads nearby strings', () => {
    expect(hashString('brand:acme')).toBe(hashString('brand:acme'));
    const buckets = new Set(Array.from({ length: 1000 }, (_, i) => hashString(`id:${i}`) % 1024));
    expect(buckets.size).toBeGreaterThan(550); // ~632 expected for a uniform hash
  });
});

describe('item features', () => {
  it('extracts normalised words, brand, categories, price bands and attributes', () => {
    const keys = itemFeatures({ id: 'x', title: 'The Trail Runner, trail-ready', brand: ' ACME ', categories: ['Shoes'], price: 100, attrs: [['Color', ['Red', 'Blue']]] }).map((f) => f.key);
    expect(keys).toEqual(
      expect.arrayContaining(['id:x', 'brand:acme', 'cat:shoes', 'word:trail', 'word:runner', 'word:ready', `price:${priceBand(100)}`, 'attr:color=red', 'attr:color=blue']),
    );
    expect(keys).not.toContain('word:the');
    expect(keys.filter((k) => k === 'word:trail')).toHaveLength(1);
  });

  it('puts nearby prices in the same band and far ones apart', () => {
    expect(priceBand(11)).toBe(priceBand(14));
    expect(priceBand(11)).not.toBe(priceBand(40));
  });
});

describe('item vectors (zero-training)', () => {
  const model = createDefaultModel();
  const v = (item: Parameters<typeof itemVector>[0]) => itemVector(item, model, 'target');

  it('are unit length', () => {
    expect(dot(v({ id: 'a', brand: 'b' }), v({ id: 'a', brand: 'b' }))).toBeCloseTo(1, 5);
  });

  it('make shared category/brand similar and unrelated items near-orthogonal', () => {
    const base = { title: 'Running shoe', brand: 'Acme', categories: ['Shoes', 'Running'], price: 80 };
    const a = v({ id: 'a', ...base });
    const sameKind = v({ id: 'b', ...base, title: 'Road running shoe' });
    const otherKind = v({ id: 'c', title: 'Camping tent', brand: 'Tentco', categories: ['Tents'], price: 300 });
    expect(dot(a, sameKind)).toBeGreaterThan(0.5);
    expect(Math.abs(dot(a, otherKind))).toBeLessThan(0.25);
  });
});
