import { describe, expect, it } from 'vitest';
import { addPersonalTerm, addPersonalTermByRow } from '../../src/core/learn/personal-term.js';
import { createWorkerEngine } from '../../src/core/engine/engine.js';
import { candidateItems, validateEvent } from '../../src/core/wire/validate.js';
import { mulberry32 } from '../../tools/eval/random.js';

const NOW = 1_800_000_000_000;

/** The personal term read row by row (per-list ranks) must add the same floats as the matrix path did. */
describe('personal term by row', () => {
  it('matches addPersonalTerm bit for bit', () => {
    const r = mulberry32(7);
    const dims = 128;
    const n = 257;
    const vectors = Float32Array.from({ length: n * dims }, () => (r() < 0.9 ? 0 : r() * 2 - 1));
    const u = Float32Array.from({ length: dims }, () => (r() - 0.5) * 0.3);
    const base = Float32Array.from({ length: n }, () => r() * 3);
    const a = base.slice();
    const b = base.slice();
    const addedA = addPersonalTerm(a, vectors, dims, u)!;
    const addedB = addPersonalTermByRow(b, (i) => vectors.slice(i * dims, (i + 1) * dims), dims, u)!;
    expect([...b]).toEqual([...a]);
    expect([...addedB]).toEqual([...addedA]);
    expect(addPersonalTermByRow(b, () => vectors, dims - 1, u)).toBeUndefined();
  });

  it('ranks a zero-training list with a personal term exactly as the items\' stacked vectors would', async () => {
    const items = candidateItems(Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, title: `${['red', 'blue', 'green'][i % 3]} shirt ${i}`, brand: `B${i % 4}`, categories: ['Clothes', i % 2 ? 'Shirts' : 'Tops'], price: 10 + i })));
    const engine = await createWorkerEngine({ now: () => NOW, random: () => 0.5 });
    await engine.track([2, 5, 9, 14].map((i) => validateEvent({ type: 'click', item: items[i]!, at: NOW - 1000 * i }, NOW)));
    const plain = await engine.rank(items);
    const u = Float32Array.from({ length: engine.model.params.dims }, (_, j) => Math.cos(j) * 0.2);
    engine.setPersonal({ modelVersion: engine.model.version, u });
    const ranked = await engine.rank(items);
    // The reference: the same term added from the n × dims matrix of the items' own vectors.
    const stacked = new Float32Array(items.length * u.length);
    items.forEach((item, i) => stacked.set(engine.targetVector(item), i * u.length));
    const expected = Float32Array.from(plain.scores);
    addPersonalTerm(expected, stacked, u.length, u);
    expect(ranked.scores).toEqual([...expected]);
    expect(ranked.scores).not.toEqual(plain.scores);
  });
});
