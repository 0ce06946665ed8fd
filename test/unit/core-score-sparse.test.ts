import { describe, expect, it } from 'vitest';
import { scoreReference, scoreSparse } from '../../src/core/score/score-js.js';

const sameBits = (a: ArrayBufferView, b: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('scoreSparse: the reference scorer, reading only non-zero coordinates', () => {
  it('gives bit-identical scores and top rows on sparse, dense and all-zero rows', () => {
    let seed = 3;
    const r = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let trial = 0; trial < 40; trial++) {
      const dims = [8, 32, 128][trial % 3]!;
      const n = 1 + Math.floor(r() * 50);
      const m = 1 + Math.floor(r() * 40);
      const density = [0, 0.05, 0.3, 1][trial % 4]!;
      const candidates = Float32Array.from({ length: n * dims }, () => (r() < density ? r() * 2 - 1 : trial % 5 === 0 && r() < 0.1 ? -0 : 0));
      const history = Float32Array.from({ length: m * dims }, () => (r() < 0.5 ? r() * 2 - 1 : 0));
      const weights = Float32Array.from({ length: m }, () => (r() < 0.3 ? -0.05 : r() * 3));
      const input = { dims, candidates, n, history, m, weights, beta: 4 };
      const want = scoreReference(input);
      const got = scoreSparse(input);
      expect(sameBits(got.scores, want.scores), `scores, trial ${trial}`).toBe(true);
      expect(sameBits(got.top, want.top), `top, trial ${trial}`).toBe(true);
    }
  });

  it('takes the reference path when the history holds a non-finite value', () => {
    const input = { dims: 2, candidates: Float32Array.of(0, 1), n: 1, history: Float32Array.of(Infinity, 1), m: 1, weights: Float32Array.of(1), beta: 4 };
    expect(Number.isNaN(scoreSparse(input).scores[0])).toBe(Number.isNaN(scoreReference(input).scores[0]));
  });
});
