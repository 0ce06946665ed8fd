import { describe, expect, it, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { createTfScorer, bucket } from '../../src/core/score/score-tf.js';
import { scoreReference } from '../../src/core/score/score-js.js';
import type { ScoreInput } from '../../src/core/score/scorer.js';

function randomInput(n: number, m: number, dims: number, seed: number): ScoreInput {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const unit = (count: number) => {
    const out = new Float32Array(count * dims);
    for (let r = 0; r < count; r++) {
      let sq = 0;
      for (let j = 0; j < dims; j++) sq += (out[r * dims + j] = rnd()) ** 2;
      for (let j = 0; j < dims; j++) out[r * dims + j]! /= Math.sqrt(sq);
    }
    return out;
  };
  return { dims, n, candidates: unit(n), m, history: unit(m), weights: Float32Array.from({ length: m }, () => rnd() * 2), beta: 4 };
}

describe('tfjs scorer (cpu backend)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('pads to power-of-two buckets of at least 16', () => {
    expect([1, 16, 17, 100, 1000].map(bucket)).toEqual([16, 16, 32, 128, 1024]);
  });

  it.each([
    [1, 1],
    [20, 50],
    [100, 13],
    [257, 200],
  ])('matches the JS reference for %i candidates × %i history', async (n, m) => {
    const input = randomInput(n, m, 64, n * 31 + m);
    const expected = scoreReference(input);
    const got = await createTfScorer(tf, 'cpu').score(input);
    expect(got.scores).toHaveLength(n);
    got.scores.forEach((v, i) => expect(v).toBeCloseTo(expected.scores[i]!, 4));
    expect(Array.from(got.top)).toEqual(Array.from(expected.top));
  });

  it('never names a padding row as the top one, even when every history weight is negative', async () => {
    // Only impressions: all contributions are negative, the padded rows' are 0.
    for (const m of [1, 3, 13]) {
      const input = randomInput(5, m, 16, m);
      input.weights = Float32Array.from({ length: m }, (_, h) => -0.05 * (h + 1));
      const expected = scoreReference(input);
      const got = await createTfScorer(tf, 'cpu').score(input);
      expect(Array.from(got.top)).toEqual(Array.from(expected.top));
      got.top.forEach((t) => expect(t).toBeLessThan(m));
    }
  });

  it('leaks no tensors', async () => {
    const scorer = createTfScorer(tf, 'cpu');
    const input = randomInput(50, 30, 32, 7);
    await scorer.score(input);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) await scorer.score(input);
    expect(tf.memory().numTensors).toBe(before);
  });
});
