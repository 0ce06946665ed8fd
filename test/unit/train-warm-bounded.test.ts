import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readDataset, type Dataset } from '../../tools/eval/dataset.js';
import { writeFixture } from '../../tools/eval/fixture.js';
import { evaluateEngine } from '../../tools/eval/evaluate.js';
import { createJsScorer } from '../../src/core/score/score-js.js';
import { fit, selectionSequences } from '../../tools/train/fit.js';
import { fitParallel } from '../../tools/train/fit-parallel.js';
import { writeModel } from '../../tools/train/model-io.js';
import { initState } from '../../tools/train/train-state.js';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../tools/train/train-config.js';
import { readWarmStart, warmState } from '../../tools/train/warm-start.js';
import { examplesKept, trainedShoppers } from '../../tools/train/bounded-fit.js';
import { batchMacs } from '../../tools/train/step-meter.js';

// The toy of train-trainer.test.ts: 60 users walking +4 through 40 items.
const config = { dims: 8, window: 5, negatives: 16, batch: 16, lr: 0.05, lrDecay: 1, epochs: 30 };
const full: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...config };

/** The same shop a day later: a new item with a new brand first (so every old item's index moves), the old items reversed. */
function nextDay(ds: Dataset): Dataset {
  const items = [{ id: 'new', categories: ['a999'] }, ...[...ds.items].reverse()];
  const n = ds.items.length;
  const move = (i: number) => n - i; // old index i → new index
  return { ...ds, items, itemIds: items.map((it) => it.id), sequences: ds.sequences.map((s) => Int32Array.from(s, move)), negatives: ds.negatives.map((s) => Int32Array.from(s, move)) };
}

describe('warm start (--init)', () => {
  const ds = readDataset(writeFixture());
  const prev = fit(ds, { config, patience: 3 });
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-warm-'));
  writeModel(dir, prev.model, { bestEpoch: prev.bestEpoch });

  it('starts unchanged keys from the old rows and new keys from fresh ones, mapped by key not position', () => {
    const warm = readWarmStart(dir);
    expect(warm.epochs).toBe(prev.bestEpoch);
    const today = nextDay(ds);
    const { state, reused, fresh } = warmState(today.items, full, warm.model);
    const old = warm.model.table!;
    const fresh0 = initState(today.items, full);
    const d = config.dims;
    const oldRow = new Map(Array.from(old.keys, (k, i) => [k, i]));
    let seenNew = 0;
    state.layout.keys.forEach((key, r) => {
      const o = oldRow.get(key);
      const row = Array.from(state.ctx.subarray(r * d, (r + 1) * d));
      if (o === undefined) {
        seenNew++;
        expect(row).toEqual(Array.from(fresh0.ctx.subarray(r * d, (r + 1) * d)));
        expect(Array.from(state.tgt.subarray(r * d, (r + 1) * d))).toEqual(Array.from(fresh0.tgt.subarray(r * d, (r + 1) * d)));
      } else {
        expect(row).toEqual(Array.from(old.context.subarray(o * d, (o + 1) * d)));
        expect(Array.from(state.tgt.subarray(r * d, (r + 1) * d))).toEqual(Array.from(old.target.subarray(o * d, (o + 1) * d)));
      }
    });
    // The new item's id row and its new brand's row; every old key is kept.
    expect(seenNew).toBe(2);
    expect(fresh).toBe(2);
    expect(reused).toBe(old.keys.length);
    const curve = warm.model.params.orderWeights!;
    curve.forEach((w, k) => expect(Math.exp(state.logRecency[k]!)).toBeCloseTo(w, 5));
  });

  it('the refit worker starts from the same rows: two threads give the one-thread model', async () => {
    const warm = readWarmStart(dir);
    const opts = { config: { ...config, epochs: 2, scheduleOffset: warm.epochs }, patience: 2, init: warm.model };
    const one = fit(nextDay(ds), opts);
    const two = await fitParallel(nextDay(ds), { ...opts, backend: 'js' });
    expect(two.model.version).toBe(one.model.version);
  });

  it('a model that was warm-started itself passes on its whole schedule (its epochs after its own offset)', () => {
    const again = mkdtempSync(path.join(tmpdir(), 'hearth-warm-'));
    writeModel(again, prev.model, { bestEpoch: 2, config: { ...config, scheduleOffset: 5 } });
    expect(readWarmStart(again).epochs).toBe(7);
  });

  it('refuses a model of other dims, naming both', () => {
    expect(() => warmState(ds.items, { ...full, dims: 16 }, prev.model)).toThrow(/8 dims, this run trains 16/);
  });

  it('the fit and its refit start from the previous rows (a near-zero rate keeps yesterday\'s ranking)', async () => {
    const today = nextDay(ds);
    const warm = readWarmStart(dir);
    const opts = { protocols: ['full' as const], target: 'test' as const };
    const rank = async (m: typeof prev.model) => (await evaluateEngine(today, { ...m, params: { ...m.params, positionWeight: 0 } }, createJsScorer(), opts)).full!.hr[1]!;
    // Without the went-on-to lists, which learn the toy's walk from counts alone.
    const still = { ...config, epochs: 1, lr: 1e-7, nextItems: false };
    const warmed = fit(today, { config: { ...still, scheduleOffset: warm.epochs }, patience: 1, init: warm.model });
    expect(await rank(warmed.model)).toBeGreaterThan(0.7);
    // The same run from fresh rows ranks near chance: the previous rows are what carry it.
    const cold = fit(today, { config: still, patience: 1 });
    expect(await rank(cold.model)).toBeLessThan(0.3);
  });
});

describe('bounded fit and throughput', () => {
  const ds = readDataset(writeFixture());

  it('--max-sequences trains on the last N shoppers only, and every shopper still validates', () => {
    const keep = trainedShoppers(ds, 20)!;
    expect(Array.from(keep).reduce((a, b) => a + b, 0)).toBe(20);
    expect(keep[ds.sequences.length - 1]).toBe(1);
    expect(keep[0]).toBe(0);
    expect(trainedShoppers(ds, 1000)).toBeUndefined();
    expect(() => trainedShoppers(ds, 0)).toThrow(/--max-sequences/);
    const kept = examplesKept(selectionSequences(ds, keep));
    const res = fit(ds, { config: { ...config, epochs: 2 }, patience: 2, trainOn: keep });
    // The meter counts the batches each epoch ran: those of the kept examples alone.
    expect(res.history[0]!.throughput!.batches).toBe(Math.ceil(kept / config.batch));
    expect(kept).toBeLessThan(examplesKept(selectionSequences(ds)) / 2);
  });

  it('--budget-minutes stops selection once another epoch would overrun (at least one epoch)', () => {
    const res = fit(ds, { config, patience: 3, budgetMinutes: 0 });
    expect(res.history.length).toBe(1);
    expect(res.bestEpoch).toBe(1);
  });

  it('reports the step\'s multiply-adds per second beside a same-shape product', () => {
    expect(batchMacs(10, 16, 8)).toBe(3 * 10 * 16 * 8 + 10 * 8);
    const lines: string[] = [];
    const res = fit(ds, { config: { ...config, epochs: 1 }, refit: false, log: (l) => lines.push(l) });
    const t = res.history[0]!.throughput!;
    expect(t.stepMacsPerSec).toBeGreaterThan(0);
    expect(t.matMulMacsPerSec).toBeGreaterThan(0);
    expect(t.ratio).toBeCloseTo(t.stepMacsPerSec / t.matMulMacsPerSec, 9);
    expect(lines.some((l) => /epoch 1 throughput: step [\d.]+ GMAC\/s, same-shape matMul [\d.]+ GMAC\/s/.test(l))).toBe(true);
  });
});
