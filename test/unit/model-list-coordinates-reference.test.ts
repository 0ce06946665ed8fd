import { describe, expect, it } from 'vitest';
import { listCoordinates } from '../../src/core/model/list-coordinates.js';
import { featureSet } from '../../src/core/model/item-vector.js';
import { createCatalogModel, taxonomyRarity } from '../../src/core/model/catalog-rarity.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import type { WireItem } from '../../src/core/wire/wire.js';
import { listCoordinates as referenceCoordinates } from './reference/list-coordinates.js';
import { mulberry32 } from '../../tools/eval/random.js';

const rng = mulberry32;

const WORDS = ['trail', 'light', 'pro', 'waterproof', 'winter', 'kids', 'classic', 'ultra', 'warm', 'eco'];
function catalogue(size: number, seed: number): WireItem[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: size }, (_, i) => {
    const cat = `c${Math.floor(r() * 8)}`;
    const item: WireItem = { id: `sku-${i}`, title: `${pick(WORDS)} ${pick(WORDS)} ${cat} ${i % 97}`, categories: ['All', cat, `${cat}/${Math.floor(r() * 5)}`] };
    if (r() < 0.8) item.brand = `B${Math.floor(r() * 30)}`;
    if (r() < 0.8) item.price = Math.round(r() * 300);
    if (r() < 0.5) item.attrs = [['colour', pick(['red', 'blue', 'green'])]];
    if (r() < 0.1) item.categories = [...item.categories!, cat]; // a category given twice
    return item;
  });
}

/** Whether two float arrays hold the same bits (NaN and −0 included). */
const sameBits = (a: Float32Array, b: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('list coordinates: the typed-array path against the straightforward reference', () => {
  const items = catalogue(900, 7);
  const models: Array<[string, InterestModel]> = [
    ['default', createDefaultModel()],
    ['narrow (overflows dims)', createDefaultModel({ dims: 16 })],
    ['catalogue counts and relations', createCatalogModel(items)],
    ['catalogue, narrow', createCatalogModel(items, { dims: 24 })],
    ['unnormalised', createDefaultModel({ normalize: false, dims: 32 })],
  ];
  for (const [name, model] of models) {
    it(`gives bit-identical vectors: ${name}`, () => {
      const r = rng(11);
      const dims = model.params.dims;
      for (let trial = 0; trial < 10; trial++) {
        const n = 1 + Math.floor(r() * (trial % 3 === 0 ? 400 : 60));
        const m = Math.floor(r() * 130);
        const start = Math.floor(r() * (items.length - n));
        const cands = items.slice(start, start + n).map(featureSet);
        const hist = Array.from({ length: m }, () => featureSet(items[Math.floor(r() * r() * items.length)]!));
        const rarity = trial % 4 === 3 ? undefined : taxonomyRarity(model, cands);
        const options = { exact: trial % 5 !== 4, withinList: trial % 2 === 1 };
        const got = [new Float32Array(n * dims), new Float32Array(m * dims)] as const;
        const want = [new Float32Array(n * dims), new Float32Array(m * dims)] as const;
        listCoordinates(cands, hist, model, rarity, got[0], got[1], options);
        referenceCoordinates(cands, hist, model, rarity, want[0], want[1], options);
        expect(sameBits(got[0], want[0]), `candidates, trial ${trial}`).toBe(true);
        expect(sameBits(got[1], want[1]), `history, trial ${trial}`).toBe(true);
      }
    });
  }
});
