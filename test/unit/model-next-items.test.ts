import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { hashString } from '../../src/core/model/hash.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { decodeModel, encodeModel, parseManifest } from '../../src/core/model/model-format.js';
import { applyNextItems } from '../../src/core/model/next-items.js';
import { DEFAULT_PARAMS } from '../../src/core/model/params.js';
import { readDataset } from '../../tools/eval/dataset.js';
import { writeFixture } from '../../tools/eval/fixture.js';
import { selectionSequences, validationSet } from '../../tools/train/fit.js';
import { buildNextItems, chooseNextItems, itemIdRows, MIN_SHOPPERS, NEXT_RECIPE } from '../../tools/train/next-items.js';
import { DEFAULT_TRAIN_CONFIG } from '../../tools/train/train-config.js';
import { initState } from '../../tools/train/train-state.js';
import { jsMatMul } from '../../tools/train/matmul.js';

const dims = 4;
const ids = ['a', 'b', 'c', 'd'];
const keys = Uint32Array.from(ids.map((id) => hashString(`id:${id}`))).sort();
const row = (id: string) => Array.from(keys).indexOf(hashString(`id:${id}`));
const nextParams = { gamma: 1.5, lambda: 30, recency: 0.3 };

/** Vectors that rank b > c > d for any history; lists a → d (0.5) and c → b (0.25). */
function modelWithLists(): InterestModel {
  const context = new Float32Array(keys.length * dims).fill(0.5);
  const target = new Float32Array(keys.length * dims);
  target[row('b') * dims] = 0.3;
  target[row('c') * dims] = 0.2;
  target[row('d') * dims] = 0.1;
  const offsets = new Uint32Array(keys.length + 1);
  const lists: Record<number, Array<[number, number]>> = { [row('a')]: [[row('d'), 0.5]], [row('c')]: [[row('b'), 0.25]] };
  const rows: number[] = [];
  const weights: number[] = [];
  for (let r = 0; r < keys.length; r++) {
    for (const [n, w] of lists[r] ?? []) {
      rows.push(n);
      weights.push(w);
    }
    offsets[r + 1] = rows.length;
  }
  return {
    version: 'next-1',
    params: { ...DEFAULT_PARAMS, dims, beta: 1, normalize: false, unknownFeatures: 'zero', positionWeight: 0, orderDecay: 1, nextItems: nextParams, fieldWeights: { ...DEFAULT_PARAMS.fieldWeights, id: 1 } },
    table: { keys, context, target, next: { offsets, rows: Uint32Array.from(rows), weights: Float32Array.from(weights) } },
  };
}

describe("'shoppers went on to' lists", () => {
  it('multiply a candidate score by (1 + λ·Σ recency^k·share)^γ, newest history item first', () => {
    const model = modelWithLists();
    const scores = Float32Array.from([2, 2, 2, -1]);
    const history = [{ item: { id: 'c' }, weight: 1 }, { item: { id: 'x' }, weight: -0.05 }, { item: { id: 'a' }, weight: 1 }];
    // Candidates b (after c, the newest), d (after a, one positive step back), a (no list), and d again with a negative score.
    const lifts = applyNextItems(scores, model, history, [{ id: 'b' }, { id: 'd' }, { id: 'a' }, { id: 'd' }]);
    // Each lift names the history entry whose list gave it (c for b, a for d).
    expect(lifts?.map((l) => l?.from)).toEqual([0, 2, undefined, undefined]);
    expect(lifts?.[0]?.factor).toBeCloseTo(Math.pow(1 + 30 * 0.25, 1.5), 4);
    expect(scores[0]).toBeCloseTo(2 * Math.pow(1 + 30 * 0.25, 1.5), 4);
    // The ignored impression (negative weight) is no step back: a is one step behind c.
    expect(scores[1]).toBeCloseTo(2 * Math.pow(1 + 30 * 0.3 * 0.5, 1.5), 4);
    expect(scores[2]).toBe(2);
    expect(scores[3]).toBe(-1); // the history counts against it: no lift
  });

  it('do nothing at strength 0 or without lists', () => {
    const model = modelWithLists();
    const scores = Float32Array.from([1, 1]);
    const off = { ...model, params: { ...model.params, nextItems: { ...nextParams, gamma: 0 } } };
    expect(applyNextItems(scores, off, [{ item: { id: 'a' }, weight: 1 }], [{ id: 'd' }, { id: 'b' }])).toBeUndefined();
    const { next: _drop, ...bare } = model.table!;
    expect(applyNextItems(scores, { ...model, table: bare }, [{ item: { id: 'a' }, weight: 1 }], [{ id: 'd' }])).toBeUndefined();
    expect(Array.from(scores)).toEqual([1, 1]);
  });

  it('reorder the engine\'s ranking: the item shoppers went on to from the last click comes first', async () => {
    const model = modelWithLists();
    for (const [m, first] of [[model, 'd'], [{ ...model, params: { ...model.params, nextItems: undefined } }, 'b']] as const) {
      const engine = await createEngine({ model: m, now: () => 2e12 });
      await engine.track([{ type: 'click', item: { id: 'a' }, at: 2e12 - 1000 }]);
      const list = [{ id: 'b' }, { id: 'c' }, { id: 'd' }];
      const res = await engine.rank(list);
      expect(list[res.order[0]!]!.id).toBe(first);
      // The lifted item says why, naming the clicked item; without the lists nothing does.
      const said = res.reasons.flat().filter((r) => r.kind === 'next');
      expect(said.map((r) => [list[res.reasons.findIndex((rs) => rs.some((x) => x === r))]!.id, r.itemId])).toEqual(first === 'd' ? [['d', 'a']] : []);
    }
  });

  it('round-trip through the model files, and a list that points outside the table is refused', () => {
    const model = modelWithLists();
    const { manifest, bin } = encodeModel(model, 'int8');
    expect(manifest.table!.next).toEqual({ entries: 2 });
    const back = decodeModel(parseManifest(JSON.parse(JSON.stringify(manifest))), bin.buffer.slice(0) as ArrayBuffer);
    expect(back.params.nextItems).toEqual(nextParams);
    expect(Array.from(back.table!.next!.offsets)).toEqual(Array.from(model.table!.next!.offsets));
    expect(Array.from(back.table!.next!.rows)).toEqual(Array.from(model.table!.next!.rows));
    expect(Array.from(back.table!.next!.weights)).toEqual(Array.from(model.table!.next!.weights));
    const bad = bin.slice();
    const rowsAt = keys.length * 4 + 2 * (keys.length * 4 + keys.length * dims) + (keys.length + 1) * 4;
    new DataView(bad.buffer).setUint32(rowsAt, 99, true);
    expect(() => decodeModel(parseManifest(manifest), bad.buffer)).toThrow(/table\.next entries/);
    expect(() => parseManifest({ ...manifest, params: { ...manifest.params, nextItems: { gamma: -1, lambda: 1, recency: 1 } } })).toThrow(/nextItems/);
  });

  it('keep only pairs that at least two shoppers made, heaviest first, as a share of all onward moves', () => {
    const items = ids.map((id) => ({ id }));
    const idRows = Int32Array.from(ids, (id) => row(id));
    // a → b by two shoppers, a → c by one (next step) and a → d two steps on by two shoppers.
    const seqs = [Int32Array.from([0, 1, 3]), Int32Array.from([0, 1, 3]), Int32Array.from([0, 2])];
    const next = buildNextItems(seqs, idRows, keys.length);
    const ra = row('a');
    const listed = Array.from(next.rows.subarray(next.offsets[ra], next.offsets[ra + 1]));
    expect(MIN_SHOPPERS).toBe(2);
    expect(listed).toEqual([row('b'), row('d')]); // c: one shopper only, not shipped
    const total = 2 + 1 + 2 * NEXT_RECIPE.stepDecay + NEXT_RECIPE.kappa; // every onward move counts in the share
    expect(next.weights[next.offsets[ra]!]).toBeCloseTo(2 / total, 6);
    expect(next.weights[next.offsets[ra]! + 1]).toBeCloseTo((2 * NEXT_RECIPE.stepDecay) / total, 6);
    expect(itemIdRows(items, keys)).toEqual(idRows);
  });

  it('are given a strength on the validation item: > 0 where they predict what vectors cannot', () => {
    // Untrained (random) vectors know nothing; the toy's walks are fully predictable from the lists.
    const ds = readDataset(writeFixture());
    const state = initState(ds.items, { ...DEFAULT_TRAIN_CONFIG, dims: 8, window: 5 });
    const choice = chooseNextItems(state, ds.items, selectionSequences(ds), validationSet(ds, 100), jsMatMul);
    const at = (g: number) => choice.tried.find((t) => t.gamma === g)!.full;
    expect(choice.params.gamma).toBeGreaterThan(0);
    expect(at(choice.params.gamma).hr[1]!).toBeGreaterThan(at(0).hr[1]! + 0.5);
  });
});
