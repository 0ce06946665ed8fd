import { mulberry32 } from '../eval/random.js';
import { backward, createOptimiser, scatterAndStep, setLearningRate, type Optimiser } from './batch-backward.js';
import { drawNegatives, foldBatch, scoreNegatives } from './batch-forward.js';
import { logitGradients } from './batch-loss.js';
import { createBatchWork, listExamples, shuffle, type BatchWork, type Examples } from './batch-work.js';
import { jsMatMul, type MatMul } from './matmul.js';
import { negativeSampler, type NegativeSampler } from './negative-sampler.js';
import type { TrainConfig, TrainData } from './train-config.js';
import { initState, type EpochLog, type TrainState } from './train-state.js';
import { StepMeter } from './step-meter.js';

/**
 * Site trainer: learns the context/target feature rows of Hearth's interest model by
 * sampled softmax, with hand-written gradients over Float32Arrays (no tfjs: an order of
 * magnitude faster on a CPU and fully deterministic given the seed).
 *
 * The model is exactly the engine's scorer with β = 1 and unnormalised vectors:
 *   score(c | H) = Σ_j w_j · exp(t_c · q_j − 1),   log score = logsumexp_j(t_c · q_j + log w_j) − 1
 * where t_c is the candidate's target vector and q_j the j-th most recent distinct history item's
 * context vector (both sums of learned feature rows: id, attributes and the shared bias row),
 * and w_j = (times the item was seen) × orderWeights[j] (a learned recency curve). The
 * log-sum-exp lets one strongly related history item dominate (item-to-item transitions),
 * while the bias row gives every candidate a learned popularity term.
 *
 * One batch runs in five phases: fold the histories (`foldBatch`), score them against the shared
 * negatives (`scoreNegatives`), the loss and its logit gradients (`logitGradients`), the
 * gradients of the vectors (`backward`), and the step on the touched feature rows (`scatterAndStep`).
 */

/** Everything one run's batches share. */
interface Run {
  data: TrainData;
  config: TrainConfig;
  state: TrainState;
  matMul: MatMul;
  rnd: () => number;
  examples: Examples;
  work: BatchWork;
  opt: Optimiser;
  sampler: NegativeSampler;
  meter: StepMeter;
  stop?: () => boolean;
}

/**
 * Trains for `config.epochs` epochs (or until `onEpoch` returns false). Examples: every position
 * k ≥ 1 of every training sequence, predicting seq[k] from the folded history seq[0..k). Each
 * batch shares `negatives` uniformly drawn items; negatives that are the target or already in
 * the example's history are masked out (they are excluded at ranking time too).
 */
export function train(
  data: TrainData,
  config: TrainConfig,
  onEpoch?: (log: EpochLog, state: TrainState) => boolean | void,
  state = initState(data.items, config),
  matMul: MatMul = jsMatMul,
  /**
   * Asked before every batch; true abandons the run mid-epoch (the returned state is then partway
   * through an epoch: callers that stop this way keep their own per-epoch snapshots).
   */
  stop?: () => boolean,
): TrainState {
  const run: Run = {
    data,
    config,
    state,
    matMul,
    rnd: mulberry32(config.seed ^ 0x5bd1e995),
    examples: listExamples(data.sequences),
    opt: createOptimiser(config, state.layout.keys.length),
    work: createBatchWork(config, data.items.length),
    sampler: negativeSampler(data, config),
    meter: new StepMeter(),
    stop,
  };
  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    const started = performance.now();
    const lossSum = trainEpoch(run, epoch);
    if (lossSum === undefined) return state;
    const log: EpochLog = { epoch, loss: lossSum / run.examples.total, ms: performance.now() - started, throughput: run.meter.take() };
    if (onEpoch && onEpoch(log, state) === false) break;
  }
  return state;
}

/** One epoch over the reshuffled examples; its summed loss, or undefined when `stop` abandoned it. */
function trainEpoch(run: Run, epoch: number): number | undefined {
  const { config, examples } = run;
  // A warm start continues the decay where the run it starts from ended (scheduleOffset epochs in).
  setLearningRate(run.opt, config.lr * Math.pow(config.lrDecay ?? 1, epoch - 1 + (config.scheduleOffset ?? 0)));
  shuffle(examples.order, run.rnd);
  let lossSum = 0;
  for (let b0 = 0; b0 < examples.total; b0 += config.batch) {
    if (run.stop?.()) return undefined;
    lossSum = trainBatch(run, b0, lossSum);
  }
  return lossSum;
}

/** One batch starting at example b0 of the epoch's order, in the five phases; returns `lossSum` plus its loss. */
function trainBatch(run: Run, b0: number, lossSum: number): number {
  const { work, state, examples } = run;
  const started = performance.now();
  const nb = Math.min(examples.total, b0 + run.config.batch) - b0;
  const scale = 1 / nb;
  drawNegatives(work, state, run.sampler, run.rnd, run.config.logQ === true);
  foldBatch(work, state, run.data.sequences, examples, b0, nb);
  const Z = scoreNegatives(work, run.matMul);
  lossSum = logitGradients(work, Z, run.opt.gRec, scale, lossSum);
  const { gQ, gTneg } = backward(work, run.matMul);
  scatterAndStep(work, state, run.config, run.opt, gQ, gTneg);
  run.meter.batch(work, performance.now() - started, run.matMul);
  return lossSum;
}
