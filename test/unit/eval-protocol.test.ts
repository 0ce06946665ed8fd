import { describe, expect, it } from 'vitest';
import { createMetrics, rankOf } from '../../tools/eval/metrics.js';
import { readDataset, splitUser } from '../../tools/eval/dataset.js';
import { evaluateEngine, evaluatePopRec, makeCandidates } from '../../tools/eval/evaluate.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { createJsScorer } from '../../src/core/score/score-js.js';
import { writeFixture } from '../../tools/eval/fixture.js';

describe('metrics', () => {
  it('HR, NDCG and MRR from 0-based ranks', () => {
    const m = createMetrics();
    m.add(0);
    m.add(4);
    m.add(30);
    const r = m.result();
    expect(r.hr[1]).toBeCloseTo(1 / 3);
    expect(r.hr[5]).toBeCloseTo(2 / 3);
    expect(r.hr[20]).toBeCloseTo(2 / 3);
    expect(r.ndcg[5]).toBeCloseTo((1 + 1 / Math.log2(6)) / 3);
    expect(r.mrr).toBeCloseTo((1 + 1 / 5 + 1 / 31) / 3);
  });

  it('merges shards into the same averages', () => {
    const a = createMetrics();
    const b = createMetrics();
    const all = createMetrics();
    [0, 3, 12].forEach((r) => (a.add(r), all.add(r)));
    [1, 25].forEach((r) => (b.add(r), all.add(r)));
    const merged = createMetrics();
    merged.merge(a.result());
    merged.merge(b.result());
    expect(merged.result()).toEqual(all.result());
  });

  it('ties never favour the target by its position', () => {
    expect(rankOf([1, 1, 1], 0)).toBe(0);
    expect(rankOf([1, 1, 1], 2)).toBe(2);
    expect(rankOf([1, 1, 1], 0, [2, 0, 1])).toBe(2);
  });
});

describe('dataset and protocol', () => {
  const dir = writeFixture();
  const ds = readDataset(dir);

  it('reads sequences, attributes and negatives with no dataset-specific constants', () => {
    expect(ds.sequences).toHaveLength(60);
    expect(ds.items.length).toBe(40);
    expect(ds.items[0]!.categories).toHaveLength(2);
    expect(ds.negatives[0]!.length).toBe(20);
    const { train, valid, test } = splitUser(ds.sequences[0]!);
    expect(train.length).toBe(ds.sequences[0]!.length - 2);
    expect(valid).toBe(ds.sequences[0]![ds.sequences[0]!.length - 2]);
    expect(test).toBe(ds.sequences[0]![ds.sequences[0]!.length - 1]);
  });

  it('full-ranking candidates exclude history but keep the target', () => {
    const c = makeCandidates(ds, 1);
    const list = c.full(Int32Array.from([0, 1, 2]), 2);
    expect(list).toHaveLength(38);
    expect(Array.from(list)).toContain(2);
    expect(Array.from(list)).not.toContain(0);
    const s = c.sampled(0, 5);
    expect(Array.from(s).sort((a, b) => a - b)).toEqual([5, ...ds.negatives[0]!].sort((a, b) => a - b));
  });

  it('zero-training through the engine beats popularity on brand-walk histories', async () => {
    const opts = { protocols: ['sampled', 'full'] as const, target: 'test' as const };
    const zero = await evaluateEngine(ds, createDefaultModel({ positionWeight: 0 }), createJsScorer(), { ...opts, protocols: [...opts.protocols] });
    const pop = evaluatePopRec(ds, { ...opts, protocols: [...opts.protocols] });
    expect(zero.users).toBe(60);
    expect(zero.sampled!.hr[5]!).toBeGreaterThan(pop.sampled!.hr[5]!);
    expect(zero.sampled!.hr[5]!).toBeGreaterThan(0.9);
  });
});
