import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { WireItem } from '../../src/core/wire/wire.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { readModel } from './model-io.js';
import type { TrainConfig } from './train-config.js';
import { initState, type TrainState } from './train-state.js';

/** A previous model to start from (`--init <dir>`), and how many epochs of the schedule it ran. */
export interface WarmStart {
  model: InterestModel;
  /** Epochs of the learning-rate schedule behind it (model.json's training facts: its epochs after its own offset), so the rate continues its decay; 0 if unknown. */
  epochs: number;
}

/** Epochs a warm start trains by default (at most; selection on the validation item may stop sooner). */
export const WARM_EPOCHS = 2;

/** Reads `dir/model.json` (+ model.bin) as a warm start; a model without learned rows is an error naming the file. */
export function readWarmStart(dir: string): WarmStart {
  const model = readModel(dir);
  if (!model.table) throw new Error(`--init ${path.join(dir, 'model.json')}: no learned rows (a zero-training or catalogue-only model); expected a model written by npm run train`);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as { training?: { bestEpoch?: unknown; config?: { scheduleOffset?: unknown } } };
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  // A model that was itself warm-started ran its epochs after its own offset: the schedule goes on from both.
  return { model, epochs: num(manifest.training?.bestEpoch) + num(manifest.training?.config?.scheduleOffset) };
}

/**
 * The run's starting rows from a previous model: a feature key the model has keeps its context
 * and target rows, any other key (a new item, brand or word) keeps the fresh random row
 * `initState` drew. Keys are feature hashes, so rows follow their feature whatever index the new
 * vocabulary gives it. The recency curve is the model's. Returns how many rows each way.
 */
export function warmState(items: readonly WireItem[], config: TrainConfig, prev: InterestModel): { state: TrainState; reused: number; fresh: number } {
  const state = initState(items, config);
  const table = prev.table;
  const d = config.dims;
  if (!table) throw new Error('warm start: the previous model has no learned rows');
  if (prev.params.dims !== d) throw new Error(`warm start: the previous model has ${prev.params.dims} dims, this run trains ${d} (--dims ${prev.params.dims}, or train from scratch)`);
  const rowOf = new Map<number, number>();
  table.keys.forEach((k, i) => rowOf.set(k, i));
  let reused = 0;
  state.layout.keys.forEach((key, r) => {
    const old = rowOf.get(key);
    if (old === undefined) return;
    state.ctx.set(table.context.subarray(old * d, (old + 1) * d), r * d);
    state.tgt.set(table.target.subarray(old * d, (old + 1) * d), r * d);
    reused++;
  });
  const curve = prev.params.orderWeights ?? [];
  for (let k = 0; k < Math.min(curve.length, state.logRecency.length); k++) if (curve[k]! > 0) state.logRecency[k] = Math.log(curve[k]!);
  return { state, reused, fresh: state.layout.keys.length - reused };
}
