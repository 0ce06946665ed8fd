import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readDataset } from '../../src/eval/dataset.js';
import { evaluateEngine } from '../../src/eval/evaluate.js';
import { createJsScorer } from '../../src/model/score-js.js';
import { fit } from '../../src/train/fit.js';
import { foldHistory } from '../../src/train/trainer.js';
import { readModel, writeModel } from '../../src/train/model-io.js';
import { writeFixture } from '../../src/eval/fixture.js';

const config = { dims: 8, window: 5, negatives: 16, batch: 16, lr: 0.05, epochs: 30 };

describe('site trainer', () => {
  const ds = readDataset(writeFixture());

  it('folds a history like the engine: distinct items newest first, repeats counted', () => {
    const items = new Int32Array(4);
    const counts = new Float32Array(4);
    const m = foldHistory(Int32Array.from([1, 2, 3, 2, 4]), 5, 4, items, counts);
    expect(Array.from(items.subarray(0, m))).toEqual([4, 2, 3, 1]);
    expect(Array.from(counts.subarray(0, m))).toEqual([1, 2, 1, 1]);
  });

  it('is deterministic given the seed', () => {
    const a = fit(ds, { config: { ...config, epochs: 3 }, patience: 5 });
    const b = fit(ds, { config: { ...config, epochs: 3 }, patience: 5 });
    expect(a.model.version).toBe(b.model.version);
    expect(Array.from(a.model.table!.target)).toEqual(Array.from(b.model.table!.target));
  });

  it('learns the transitions and the engine ranks with the written model', async () => {
    const res = fit(ds, { config, patience: 3 });
    expect(res.bestEpoch).toBeGreaterThan(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'hearth-model-'));
    writeModel(dir, res.model, { bestEpoch: res.bestEpoch });
    const loaded = readModel(dir);
    expect(loaded.version).toBe(res.model.version);
    const opts = { protocols: ['full' as const], target: 'test' as const };
    const trained = await evaluateEngine(ds, { ...loaded, params: { ...loaded.params, positionWeight: 0 } }, createJsScorer(), opts);
    // Each user walks +4 through the catalogue: the next item is fully predictable from the last.
    expect(trained.full!.hr[1]!).toBeGreaterThan(0.8);
  });
});
