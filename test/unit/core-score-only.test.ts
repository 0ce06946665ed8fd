import { describe, expect, it } from 'vitest';
import { createWorkerEngine } from '../../src/core/engine/engine.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { createCatalogModel } from '../../src/core/model/catalog-rarity.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { validateEvent } from '../../src/core/wire/validate.js';
import type { WireItem } from '../../src/core/wire/wire.js';
import type { EventType } from '../../src/core/types.js';

const NOW = 1_800_000_000_000;
const cats = ['Shoes', 'Tents', 'Jackets', 'Bags', 'Bikes', 'Lamps'];
const items: WireItem[] = Array.from({ length: 400 }, (_, i) => ({
  id: `p${i}`,
  title: `${cats[i % 6]} model ${i % 11} trail ${i % 3 ? 'light' : 'warm'}`,
  brand: `B${i % 13}`,
  categories: ['Outdoor', cats[i % 6]!, `Sub ${i % 4}`],
  price: 10 + 7 * (i % 50),
  attrs: [['colour', ['red', 'blue', 'green'][i % 3]!]],
}));
const TYPES: EventType[] = ['impression', 'view', 'click', 'click', 'add_to_cart', 'purchase'];

describe('engine.scores: the scores engine.rank returns, without ordering', () => {
  const models: Array<[string, InterestModel]> = [
    ['zero-training', createDefaultModel()],
    ['catalogue counts', createCatalogModel(items)],
    ['hashed (no exact overlap, no rarity)', createDefaultModel({ exactOverlap: false, listRarity: false })],
  ];
  for (const [name, model] of models) {
    it(`is bit-identical to rank().scores: ${name}`, async () => {
      const engine = await createWorkerEngine({ model, now: () => NOW, random: () => 0.5 });
      expect(Array.from(await engine.scores(items.slice(0, 5)))).toEqual([0, 0, 0, 0, 0]);
      await engine.track(Array.from({ length: 60 }, (_, k) => validateEvent({ type: TYPES[k % TYPES.length]!, item: { ...items[(k * 37) % 400]!, attributes: undefined }, at: NOW - (60 - k) * 60_000 }, NOW)));
      engine.setPersonal({ modelVersion: model.version, u: Float32Array.from({ length: model.params.dims }, (_, j) => Math.sin(j)) });
      for (const [from, n] of [[0, 100], [50, 350], [390, 10]] as const) {
        const list = items.slice(from, from + n);
        const ranked = await engine.rank(list);
        expect(Buffer.from((await engine.scores(list)).buffer).equals(Buffer.from(Float32Array.from(ranked.scores).buffer))).toBe(true);
      }
    });
  }
});
