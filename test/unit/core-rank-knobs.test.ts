import { describe, expect, it } from 'vitest';
import { arrange } from '../../src/core/rank/arrange.js';
import { intraListDiversity } from '../../src/core/rank/diversify.js';
import { epsilonFor, PRIVACY_CLIP } from '../../src/core/rank/privacy-noise.js';
import { seededUniform } from '../../src/core/rank/random.js';
import { orderBy, positionPrior } from '../../src/core/rank/blend.js';

/** n unit vectors in `groups` tight clusters (dims 8): items i and i+groups are near-duplicates. */
function clustered(n: number, groups: number, dims = 8): Float32Array {
  const v = new Float32Array(n * dims);
  for (let i = 0; i < n; i++) {
    const g = i % groups;
    v[i * dims + (g % dims)] = 1;
    v[i * dims + ((g + 1) % dims)] = 0.05 * (i % 3);
    let sq = 0;
    for (let j = 0; j < dims; j++) sq += v[i * dims + j]! ** 2;
    for (let j = 0; j < dims; j++) v[i * dims + j]! /= Math.sqrt(sq);
  }
  return v;
}

const n = 30;
const dims = 8;
// Scores favour group 0 strongly: a relevance-only list is all one kind at the top.
const scores = Float32Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 2 : 0.2 - i * 0.001));
const similarity = Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0.9 : i % 5 === 1 ? 0.5 : 0));
const vectors = clustered(n, 5, dims);

describe('rank knobs', () => {
  it('with every knob at 0 the order is relevance + position prior, deterministically', () => {
    const a = arrange(scores, () => similarity, vectors, dims, 0.05, {}, seededUniform(1));
    const b = arrange(scores, () => similarity, vectors, dims, 0.05, { exploration: 0, diversity: 0, privacyNoise: 0 }, seededUniform(2));
    const expected = orderBy(positionPrior(n, 0.05).map((p, i) => p + scores[i]!));
    expect(a.order).toEqual(expected);
    expect(b.order).toEqual(expected);
    expect(a.epsilon).toBeUndefined();
  });

  it('exploration lifts uncertain items sometimes, and says so', () => {
    let lifted = 0;
    let reasons = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const r = arrange(scores, () => similarity, vectors, dims, 0.05, { exploration: 0.8 }, seededUniform(seed));
      // An item unlike the history (similarity 0) reaching the top five.
      if (r.order.slice(0, 5).some((i) => similarity[i] === 0)) lifted++;
      reasons += r.explored.filter(Boolean).length;
    }
    expect(lifted).toBeGreaterThan(20);
    expect(reasons).toBeGreaterThan(0);
  });

  it('diversity trades relevance for variety at the top of the list', () => {
    const plain = arrange(scores, () => similarity, vectors, dims, 0.05, {}, seededUniform(1)).order;
    const diverse = arrange(scores, () => similarity, vectors, dims, 0.05, { diversity: 0.7 }, seededUniform(1));
    // Five clusters: relevance alone fills the top five with one of them, MMR covers all five.
    expect(new Set(plain.slice(0, 5).map((i) => i % 5)).size).toBe(1);
    expect(new Set(diverse.order.slice(0, 5).map((i) => i % 5)).size).toBe(5);
    expect(intraListDiversity(diverse.order, vectors, dims, 5)).toBeGreaterThan(intraListDiversity(plain, vectors, dims, 5) + 0.5);
    // The most relevant item still leads.
    expect(diverse.order[0]).toBe(plain[0]);
    expect(diverse.diversified.some(Boolean)).toBe(true);
    expect([...diverse.order].sort((a, b) => a - b)).toEqual([...plain].sort((a, b) => a - b));
  });

  it('privacy noise: ε = 2(1 − p)/p, and p = 1 is a uniformly random order', () => {
    expect(epsilonFor(0.5)).toBe(2);
    expect(epsilonFor(1)).toBe(0);
    const firsts = new Array(n).fill(0);
    for (let seed = 1; seed <= 3_000; seed++) firsts[arrange(scores, () => similarity, vectors, dims, 0.05, { privacyNoise: 1 }, seededUniform(seed)).order[0]!]++;
    // Each item first about 100 times in 3,000 draws.
    for (const count of firsts) expect(count).toBeGreaterThan(50);
  });

  it('privacy noise bounds what the first position reveals about the history, by e^ε', () => {
    // Two very different histories: one loves item 3, the other nothing at all.
    const loved = Float32Array.from({ length: 6 }, (_, i) => (i === 3 ? 50 : 0));
    const none = new Float32Array(6);
    const vec = clustered(6, 6, dims);
    const p = 0.5;
    const eps = epsilonFor(p);
    const draws = 20_000;
    const freq = (personal: Float32Array) => {
      let count = 0;
      for (let seed = 1; seed <= draws; seed++) if (arrange(personal, () => new Float64Array(6), vec, dims, 0, { privacyNoise: p }, seededUniform(seed * 7919)).order[0] === 3) count++;
      return count / draws;
    };
    const a = freq(loved);
    const b = freq(none);
    expect(a).toBeGreaterThan(b); // the preference still shows…
    expect(a / b).toBeLessThan(Math.exp(eps) * 1.1); // …but no more than e^ε allows (10% sampling margin)
    expect(PRIVACY_CLIP).toBe(1);
  });

  it('privacy noise acts on the list\'s own spread: scores a few hundredths apart still order at ε 16', () => {
    // Real lists' personal scores sit within a small part of the clip range; ε must not read them as a tie.
    const narrow = Float32Array.from({ length: 6 }, (_, i) => 0.4 + (i === 2 ? 0.05 : i * 0.005));
    const vec = clustered(6, 6, dims);
    let best = 0;
    for (let seed = 1; seed <= 2_000; seed++) if (arrange(narrow, () => new Float64Array(6), vec, dims, 0, { privacyNoise: { epsilon: 16 } }, seededUniform(seed * 31)).order[0] === 2) best++;
    expect(best / 2_000).toBeGreaterThan(0.8);
  });
});
