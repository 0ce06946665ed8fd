import { Worker } from 'node:worker_threads';
import type { Dataset } from '../eval/dataset.js';
import { fit, fitResult, refitSequences, selectEpochs, type FitOptions, type FitResult } from './fit.js';
import { createTrainMatMul, type TrainBackend } from './matmul-tf.js';
import type { RefitJob, RefitMessage, RefitSnapshot } from './refit-worker.js';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from './train-config.js';
import { initState } from './train-state.js';
import { throughputLine } from './step-meter.js';

export type ParallelFitOptions = Omit<FitOptions, 'matMul'> & { backend?: TrainBackend };

/**
 * `fit` on two threads, with the same result to the last bit. The refit does not depend on the
 * chosen epoch count except where it stops (the learning rate of epoch k is the same whatever the
 * total), so it trains in a worker from the start, beside model selection on the main thread,
 * and stops at the epoch selection chooses. Wall time is about the longer of the two runs
 * instead of their sum: roughly half, on the two-core machine the 30-minute budget is set for.
 */
export async function fitParallel(ds: Dataset, options: ParallelFitOptions = {}): Promise<FitResult> {
  const backend = options.backend ?? 'wasm';
  const matMul = await createTrainMatMul(backend);
  if (!(options.refit ?? true)) return fit(ds, { ...options, matMul });
  const started = performance.now();
  const log = options.log ?? (() => {});
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...options.config };
  const control = new Int32Array(new SharedArrayBuffer(8));
  const job: RefitJob = { items: ds.items, sequences: refitSequences(ds, options.trainOn), config, backend, control: control.buffer, ...(options.init ? { init: options.init } : {}) };
  const worker = new Worker(new URL('./refit-worker.mjs', import.meta.url), { workerData: job });
  const refit = new Promise<RefitSnapshot>((resolve, reject) => {
    worker.on('message', (m: RefitMessage) => {
      if (m.type === 'epoch') log(`refit epoch ${m.epoch}: loss ${m.loss.toFixed(4)} (${(m.ms / 1000).toFixed(0)} s, beside selection)${m.throughput ? `; ${throughputLine(m.throughput)}` : ''}`);
      else resolve(m);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`refit worker ended (exit code ${code}) without its model`)));
  });
  refit.catch(() => {}); // awaited below; this keeps a failure during selection from going unhandled
  try {
    const selection = selectEpochs(ds, config, {
      ...options,
      matMul,
      onBest: (epoch) => Atomics.store(control, 1, epoch),
      onChosen: (epoch) => {
        Atomics.store(control, 0, epoch);
        Atomics.notify(control, 0);
      },
    });
    log(`refit: ${selection.best.epoch} epochs on all items but the test item (trained beside selection)`);
    const snap = await refit;
    const final = initState(ds.items, config);
    final.ctx.set(snap.ctx);
    final.tgt.set(snap.tgt);
    final.logRecency.set(snap.rec);
    return fitResult(ds, config, selection, final, started, options.trainOn);
  } finally {
    await worker.terminate();
  }
}
