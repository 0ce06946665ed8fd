/**
 * Worker thread of `fitParallel`: trains the refit (items before each test item) from scratch
 * while the main thread runs model selection, keeping a snapshot of every epoch that selection
 * may still choose. Control is a shared Int32Array: [0] the chosen epoch (0 until known), [1] the
 * best epoch so far (older snapshots are dropped). Once the choice is known and that epoch is
 * trained, it posts that snapshot and ends; a run past it stops at the next batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WireItem } from '../../src/core/wire/wire.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { warmState } from './warm-start.js';
import { createTrainMatMul, type TrainBackend } from './matmul-tf.js';
import type { TrainConfig } from './train-config.js';
import { train } from './trainer.js';
import type { Throughput } from './step-meter.js';

export interface RefitJob {
  items: readonly WireItem[];
  sequences: Int32Array[];
  config: TrainConfig;
  backend: TrainBackend;
  control: SharedArrayBuffer;
  /** Warm start: the previous model the refit begins from (`warm-start.ts`). */
  init?: InterestModel;
}

export interface RefitSnapshot {
  ctx: Float32Array;
  tgt: Float32Array;
  rec: Float32Array;
}

export type RefitMessage = { type: 'epoch'; epoch: number; loss: number; ms: number; throughput?: Throughput } | ({ type: 'done'; epoch: number } & RefitSnapshot);

const job = workerData as RefitJob;
const control = new Int32Array(job.control);
const chosen = () => Atomics.load(control, 0);
const post = (m: RefitMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

const snapshots = new Map<number, RefitSnapshot>();
let completed = 0;
const matMul = await createTrainMatMul(job.backend);
train(
  { items: job.items, sequences: job.sequences },
  job.config,
  (ep, st) => {
    completed = ep.epoch;
    snapshots.set(ep.epoch, { ctx: st.ctx.slice(), tgt: st.tgt.slice(), rec: st.logRecency.slice() });
    const keepFrom = Atomics.load(control, 1);
    for (const k of snapshots.keys()) if (k < keepFrom) snapshots.delete(k);
    post({ type: 'epoch', epoch: ep.epoch, loss: ep.loss, ms: ep.ms, ...(ep.throughput ? { throughput: ep.throughput } : {}) });
    const c = chosen();
    return !(c > 0 && ep.epoch >= c);
  },
  job.init ? warmState(job.items, job.config, job.init).state : undefined,
  matMul,
  () => {
    const c = chosen();
    return c > 0 && c <= completed;
  },
);
while (chosen() === 0) Atomics.wait(control, 0, 0);
const epoch = chosen();
const snap = snapshots.get(epoch);
if (!snap) throw new Error(`refit worker: no snapshot of epoch ${epoch} (trained ${completed})`);
post({ type: 'done', epoch, ...snap }, [snap.ctx.buffer as ArrayBuffer, snap.tgt.buffer as ArrayBuffer, snap.rec.buffer as ArrayBuffer]);
