import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { idFeatureKey } from '../../src/core/model/features.js';
import { hashString } from '../../src/core/model/hash.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { DEFAULT_PARAMS } from '../../src/core/model/params.js';
import { cutFromArgs } from '../../tools/train/cut-args.js';
import { headWeights, parseBytes } from '../../tools/train/head-weights.js';
import { readModel, writeCutModel } from '../../tools/train/model-io.js';

const dims = 16;
const ids = Array.from({ length: 300 }, (_, i) => `i${i}`);
const itemWeights = new Map(ids.map((id, i) => [hashString(idFeatureKey(id)), 300 - i]));

function model(): InterestModel {
  const keys = Uint32Array.from([...itemWeights.keys(), hashString('bias'), hashString('cat:a1')]).sort();
  const v = () => Float32Array.from({ length: keys.length * dims }, (_, k) => Math.sin(k));
  return { version: 'site-x', params: { ...DEFAULT_PARAMS, dims, unknownFeatures: 'zero', normalize: false }, table: { keys, context: v(), target: v() } };
}

describe('export with a download budget', () => {
  it('writes model.json + model.bin within the budget, declared in the manifest, readable as any model', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hearth-cut-'));
    const budget = 12_000;
    const written = writeCutModel(dir, model(), { itemWeights, budgetBytes: budget });
    const bytes = statSync(path.join(dir, 'model.json')).size + statSync(path.join(dir, 'model.bin')).size;
    expect(bytes).toBeLessThanOrEqual(budget);
    // Not far under either: within the JSON's 512-byte reserve and one id row (4 + 2 × (4 + 16) bytes).
    expect(bytes).toBeGreaterThan(budget - 512 - 44);
    expect(written.cut).toMatchObject({ budgetBytes: budget, items: 300, headItems: written.model.table!.keys.length - 2 });
    expect(readModel(dir).table!.keys.length).toBe(written.model.table!.keys.length);
  });

  it('reads the flags, naming the flag and what it expects when one is wrong', () => {
    expect(parseBytes('1MiB', 'download-budget')).toBe(1_048_576);
    expect(parseBytes('512KiB', 'download-budget')).toBe(524_288);
    expect(() => parseBytes('1 gig', 'download-budget')).toThrow(/--download-budget must be bytes such as 1MiB/);
    expect(cutFromArgs({}, { itemWeights })).toBeUndefined();
    expect(cutFromArgs({ 'head-items': '100' }, { itemWeights })).toMatchObject({ headItems: 100 });
    expect(() => cutFromArgs({ 'head-items': '-3' }, { itemWeights })).toThrow(/--head-items must be a whole number/);
  });

  it('counts interactions without each shopper\'s last item (the test item)', () => {
    const ds = { name: 't', users: ['u'], itemIds: ['a', 'b'], items: [{ id: 'a', categories: ['x'] }, { id: 'b', categories: ['x'] }], negatives: [], sequences: [Int32Array.of(0, 0, 1)] };
    const { itemWeights: w, featureWeights } = headWeights(ds);
    expect(w.get(hashString(idFeatureKey('a')))).toBe(2);
    expect(w.get(hashString(idFeatureKey('b')))).toBe(0);
    expect(featureWeights.get(hashString('cat:x'))).toBe(2);
  });
});
