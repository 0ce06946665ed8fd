import { describe, expect, it, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { createTfScorer } from '../../src/core/score/score-tf.js';
import { scoreReference } from '../../src/core/score/score-js.js';
import { itemVector } from '../../src/core/model/item-vector.js';
import { buildHistory } from '../../src/core/model/history.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { DEFAULT_PARAMS } from '../../src/core/model/params.js';
import { decodeModel, encodeModel, parseManifest } from '../../src/core/model/model-format.js';
import { hashString } from '../../src/core/model/hash.js';
import type { StoredEvent, WireItem } from '../../src/core/wire/wire.js';
import { createEngine } from '../../src/engine.js';

function trainedModel(dims = 16): InterestModel {
  const keys = Uint32Array.from(['id:a', 'id:b', 'id:c', 'cat:x', 'bias'].map((k) => hashString(k))).sort();
  const rnd = (() => {
    let s = 3;
    return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  })();
  const context = Float32Array.from({ length: keys.length * dims }, () => rnd());
  const target = Float32Array.from({ length: keys.length * dims }, () => rnd());
  return {
    version: 't1',
    params: { ...DEFAULT_PARAMS, dims, beta: 1, normalize: false, unknownFeatures: 'zero', orderDecay: 1, orderWeights: [1, 0.5, 0.25], fieldWeights: { ...DEFAULT_PARAMS.fieldWeights, id: 1, bias: 1 } },
    table: { keys, context, target },
  };
}

describe('model extensions for site-trained weights', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('zero-training vectors ignore the bias feature and stay unit length', () => {
    const v = itemVector({ id: 'a', brand: 'b', categories: ['x'] }, createDefaultModel(), 'target');
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    const without = itemVector({ id: 'a', brand: 'b', categories: ['x'] }, createDefaultModel({ fieldWeights: { ...DEFAULT_PARAMS.fieldWeights, bias: 0 } }), 'target');
    expect(Array.from(v)).toEqual(Array.from(without));
  });

  it('unnormalised vectors are the plain weighted sum of learned rows', () => {
    const model = trainedModel();
    const v = itemVector({ id: 'a' }, model, 'context');
    const row = (key: string) => {
      const r = Array.from(model.table!.keys).indexOf(hashString(key));
      return model.table!.context.subarray(r * 16, r * 16 + 16);
    };
    const a = row('id:a');
    const b = row('bias');
    v.forEach((x, j) => expect(x).toBeCloseTo(a[j]! + b[j]!, 5));
  });

  it('a manifest without a weight for a new field leaves that field off', () => {
    const params = { ...DEFAULT_PARAMS, fieldWeights: { id: 1, brand: 1, category: 1, word: 1, price: 1, attr: 1 } } as unknown as typeof DEFAULT_PARAMS;
    const v = itemVector({ id: 'a' }, { version: 'old', params }, 'target');
    expect(v.every((x) => Number.isFinite(x))).toBe(true);
  });

  it('applies the learned recency curve by distinct-item position', () => {
    const params = { ...DEFAULT_PARAMS, orderDecay: 1, sessionBoost: 1, orderWeights: [1, 0.5, 0.25] };
    const item = (id: string): WireItem => ({ id });
    const events: StoredEvent[] = ['a', 'b', 'c', 'd', 'c'].map((id, i) => ({ type: 'click', item: item(id), at: 1e12 + i, seq: i }));
    const h = buildHistory(events, params, 1e12 + 10);
    expect(h.map((e) => e.item.id)).toEqual(['c', 'd', 'b', 'a']);
    [2, 0.5, 0.25, 0.25].forEach((w, k) => expect(h[k]!.weight).toBeCloseTo(w, 3));
  });

  it('JS reference and tfjs graph agree on unnormalised trained vectors (large dot products)', async () => {
    const model = trainedModel(16);
    const items: WireItem[] = ['a', 'b', 'c', 'zz'].map((id) => ({ id, categories: ['x'] }));
    const dims = 16;
    const cand = new Float32Array(items.length * dims);
    items.forEach((it, i) => cand.set(itemVector(it, model, 'target'), i * dims));
    const hist = new Float32Array(3 * dims);
    items.slice(0, 3).forEach((it, i) => hist.set(itemVector(it, model, 'context'), i * dims));
    const input = { dims, candidates: cand, n: items.length, history: hist, m: 3, weights: Float32Array.from([1, 0.5, 0.25]), beta: 1 };
    const ref = scoreReference(input);
    const got = await createTfScorer(tf, 'cpu').score(input);
    got.scores.forEach((v, i) => expect(v / ref.scores[i]!).toBeCloseTo(1, 4));
    expect(Array.from(got.top)).toEqual(Array.from(ref.top));
  });

  it('round-trips normalize, orderWeights and the table through the file format', () => {
    const model = trainedModel(16);
    const { manifest, bin } = encodeModel(model, 'int8');
    const back = decodeModel(parseManifest(JSON.parse(JSON.stringify(manifest))), bin.buffer.slice(0) as ArrayBuffer);
    expect(back.params.normalize).toBe(false);
    expect(back.params.orderWeights).toEqual([1, 0.5, 0.25]);
    const maxErr = Math.max(...Array.from(back.table!.context, (x, i) => Math.abs(x - model.table!.context[i]!)));
    expect(maxErr).toBeLessThan(0.01);
  });

  it('rejects a malformed recency curve', () => {
    const { manifest } = encodeModel(createDefaultModel());
    expect(() => parseManifest({ ...manifest, params: { ...manifest.params, orderWeights: [1, -1] } })).toThrow(/orderWeights/);
  });

  it('the engine ranks with a trained table: the learned neighbour of the history comes first', async () => {
    const dims = 8;
    const keys = Uint32Array.from(['id:a', 'id:b', 'id:c', 'bias'].map((k) => hashString(k))).sort();
    const row = (k: string) => Array.from(keys).indexOf(hashString(k));
    const context = new Float32Array(keys.length * dims);
    const target = new Float32Array(keys.length * dims);
    context[row('id:a') * dims + 0] = 3; // after a …
    target[row('id:c') * dims + 0] = 3; // … people want c
    target[row('id:b') * dims + 1] = 3;
    const model: InterestModel = { version: 'nb', params: { ...DEFAULT_PARAMS, dims, beta: 1, normalize: false, unknownFeatures: 'zero', positionWeight: 0, fieldWeights: { ...DEFAULT_PARAMS.fieldWeights, id: 1, bias: 1 } }, table: { keys, context, target } };
    const engine = await createEngine({ model, now: () => 2e12 });
    await engine.track([{ type: 'click', item: { id: 'a' }, at: 2e12 - 1000 }]);
    const res = await engine.rank([{ id: 'b' }, { id: 'c' }, { id: 'd' }]);
    expect(res.order[0]).toBe(1);
  });
});
