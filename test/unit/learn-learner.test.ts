import { describe, expect, it } from 'vitest';
import { createLearner } from '../../src/core/learn/learner.js';
import { buildPairs, type Pair } from '../../src/core/learn/pairs.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { createVectorCache } from '../../src/core/model/vector-cache.js';
import { candidateItems } from '../../src/core/wire/validate.js';
import { DEFAULT_PARAMS } from '../../src/core/model/params.js';
import type { StoredEvent, WireItem } from '../../src/core/wire/wire.js';
import { addPersonalTerm, LEARNED_REASON_MIN } from '../../src/core/learn/personal-term.js';
import { createWorkerEngine } from '../../src/core/engine/engine.js';
import { validateEvent } from '../../src/core/wire/validate.js';

const NOW = 1_800_000_000_000;
const model = createDefaultModel();
const vectors = createVectorCache(model);
const targetOf = (item: WireItem) => vectors.get(item, 'target');
const colours = ['red', 'blue', 'green', 'black'];
const items = candidateItems(Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, title: `${colours[i % 4]} shirt ${i}`, brand: `B${i % 5}`, categories: ['Clothes', 'Shirts'], price: 20 + i })));
/** A shopper who always picks the red shirt out of what is shown. */
const redPairs: Pair[] = items.flatMap((pos, i) => (i % 4 === 0 ? items.filter((_, k) => k % 4 !== 0 && Math.abs(k - i) < 6).map((neg) => ({ pos, neg, weight: 1 })) : []));
const run = (l = createLearner(model.params.dims)) => {
  while (!l.resting) l.step(1e9, () => 0);
  return l;
};
const norm = (u: Float32Array) => Math.sqrt(u.reduce((s, x) => s + x * x, 0));
const dot = (u: Float32Array, v: Float32Array) => u.reduce((s, x, j) => s + x * v[j]!, 0);

describe('on-device learner', () => {
  it('reduces the pairwise loss and scores the preferred kind of item higher', () => {
    const l = createLearner(model.params.dims);
    l.setPairs(redPairs, targetOf);
    const before = l.loss();
    run(l);
    expect(l.loss()).toBeLessThan(before * 0.8);
    // Unseen items: a red shirt now outscores the others through u·t.
    const red = dot(l.u, targetOf(candidateItems([{ id: 'new-red', title: 'red shirt', categories: ['Clothes', 'Shirts'] }])[0]!));
    const blue = dot(l.u, targetOf(candidateItems([{ id: 'new-blue', title: 'blue shirt', categories: ['Clothes', 'Shirts'] }])[0]!));
    expect(red).toBeGreaterThan(blue);
  });

  it('is regularised toward u = 0 (the site model): a stronger pull keeps u smaller, and u decays without evidence', () => {
    const weak = createLearner(model.params.dims, { l2: 0.001 });
    weak.setPairs(redPairs, targetOf);
    run(weak);
    const strong = createLearner(model.params.dims, { l2: 0.5 });
    strong.setPairs(redPairs, targetOf);
    run(strong);
    expect(norm(strong.u)).toBeLessThan(norm(weak.u));
    // Pairs that say nothing (same item both sides): only the pull acts.
    const l = createLearner(model.params.dims, { l2: 0.5 });
    l.restore(weak.u);
    l.setPairs(items.map((x) => ({ pos: x, neg: x, weight: 1 })), targetOf);
    run(l);
    expect(norm(l.u)).toBeLessThan(norm(weak.u) * 0.5);
  });

  it('stops each step at its time budget and rests after its epochs', () => {
    const l = createLearner(model.params.dims, { epochs: 3 });
    l.setPairs(redPairs, targetOf);
    let t = 0;
    const used = l.step(5, () => (t += 1)); // the clock moves 1 ms per check: stops after 5 checks
    expect(used).toBeLessThan(redPairs.length * 3);
    expect(l.resting).toBe(false);
    run(l);
    expect(l.resting).toBe(true);
    expect(l.step(5, () => 0)).toBe(0);
  });

  it('pairs what was acted on with what was shown beside it and passed over', () => {
    const ev = (type: StoredEvent['type'], i: number, at: number, listId = 'search'): StoredEvent => ({ type, item: items[i]!, at, listId, seq: at });
    const events = [ev('impression', 1, NOW - 5000), ev('impression', 2, NOW - 5000), ev('impression', 3, NOW - 5000, 'other'), ev('impression', 4, NOW - 5000), ev('click', 4, NOW - 4000), ev('purchase', 2, NOW - 1000)];
    const pairs = buildPairs(events, DEFAULT_PARAMS, NOW);
    const named = pairs.map((p) => `${p.pos.id}>${p.neg.id}`);
    // p2 was bought and p4 clicked: neither is ever a negative; p3 was in another list.
    expect(named.sort()).toEqual(['p2>p1', 'p4>p1']);
    const purchase = pairs.find((p) => p.pos.id === 'p2')!;
    const click = pairs.find((p) => p.pos.id === 'p4')!;
    expect(purchase.weight).toBeGreaterThan(click.weight);
  });
});

describe('personal term in ranking', () => {
  it('sits on the list’s own score scale: the same u reorders a 10× larger history alike', () => {
    const list = items.slice(0, 6);
    const vecs = new Float32Array(list.length * model.params.dims);
    list.forEach((it, k) => vecs.set(targetOf(it), k * model.params.dims));
    const u = Float32Array.from(targetOf(items[3]!), (x) => 2 * x);
    const small = Float32Array.from([0.1, 0.3, 0.2, 0.15, 0.05, 0.25]);
    const large = small.map((x) => 10 * x);
    addPersonalTerm(small, vecs, model.params.dims, u);
    addPersonalTerm(large, vecs, model.params.dims, u);
    large.forEach((x, k) => expect(x).toBeCloseTo(10 * small[k]!, 4));
  });

  it('adds a “learned” reason where the personal term lifted an item, for this model version only', async () => {
    const e = await createWorkerEngine({ model, now: () => NOW });
    await e.track([validateEvent({ type: 'click', item: items[1], at: NOW - 1000 }, NOW)]);
    // A u such as the learner finds from pairs: what p8 has and the rest of the list lacks (the
    // shirts' shared features cancel in every pairwise difference).
    const shown = items.slice(4, 12);
    const mean = shown.reduce((acc, x) => acc.map((v, j) => v + e.targetVector(x)[j]! / shown.length), new Float32Array(model.params.dims));
    e.setPersonal({ modelVersion: model.version, u: Float32Array.from(e.targetVector(items[8]!), (x, j) => 20 * (x - mean[j]!)) });
    const r = await e.rank(shown);
    const k = items.slice(4, 12).findIndex((x) => x.id === 'p8');
    expect(r.order[0]).toBe(k);
    expect(r.reasons[k]!.some((x) => x.kind === 'learned' && x.weight! >= LEARNED_REASON_MIN)).toBe(true);
    // Another model version: u lives in another space and is not applied.
    e.setPersonal({ modelVersion: 'other', u: Float32Array.from(e.targetVector(items[8]!), (x) => 3 * x) });
    expect((await e.rank(items.slice(4, 12))).reasons.flat().some((x) => x.kind === 'learned')).toBe(false);
  });
});
