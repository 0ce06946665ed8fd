import type { WireItem } from '../../src/core/wire/wire.js';
import { DEFAULT_PARAMS } from '../../src/core/model/params.js';
import { FEATURE_FIELDS, type FeatureField, type ModelParams } from '../../src/core/model/model-types.js';

/** The trainer's knobs and recipe (`trainer.ts` says what the model learns), and what it trains on. */
export interface TrainConfig {
  dims: number;
  /** Distinct history items the model attends over (and the length of the learned recency curve). */
  window: number;
  /** Uniform negatives per batch, shared by the batch's examples. */
  negatives: number;
  batch: number;
  lr: number;
  /** L2 penalty on the touched rows, per step. */
  l2: number;
  epochs: number;
  seed: number;
  /** Field weights of the layout (1 = on). */
  fields: Partial<Record<FeatureField, number>>;
  /** Learn the recency curve (else it stays at its initial geometric decay). */
  learnRecency: boolean;
  /** Initial recency decay per step. */
  initDecay: number;
  /** Learning rate multiplier per epoch after the first (1 = constant): epoch e runs at lr · lrDecay^(e−1). */
  lrDecay?: number;
  /** Epochs of the learning-rate schedule already run (a warm start from a model trained that long); default 0. */
  scheduleOffset?: number;
  /** Share of each batch's negatives drawn ∝ training frequency^0.75 instead of uniformly (0 = all uniform). */
  popularNegatives?: number;
  /**
   * Correct each negative's logit by −ln(N·q(c)), q its sampling probability, so the sampled
   * softmax estimates the full softmax over the catalogue (the logQ correction).
   */
  logQ?: boolean;
  /**
   * Ship "shoppers went on to" lists beside the vectors (`next-items.ts`), at the strength the
   * validation item chooses (which may be 0). Absent: off.
   */
  nextItems?: boolean;
}

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  dims: 64,
  window: 50,
  // Popular items get drawn as negatives often enough to be ranked against, which is what full
  // ranking rewards; more than this bought nothing (BENCHMARKS.md › Ablations).
  negatives: 1024,
  batch: 256,
  // Fast early epochs, then finer steps (×lrDecay per epoch), at the same epoch count and cost
  // (BENCHMARKS.md › Results (test item, all users), Ablations).
  lr: 0.005,
  lrDecay: 0.7,
  l2: 0,
  epochs: 12,
  seed: 7,
  // No shared bias row: with 1,024 negatives the id rows learn popularity themselves, and the
  // shared row over-weights it (BENCHMARKS.md › Ablations).
  fields: { id: 1, brand: 1, category: 1, word: 1, price: 1, attr: 1, bias: 0 },
  learnRecency: true,
  initDecay: 0.8,
  // Uniform negatives, no logQ correction: popularity-mixed negatives tied at the chosen epoch, so
  // the simpler sampler stays; the options remain for other sites (BENCHMARKS.md › Ablations).
  popularNegatives: 0,
  logQ: false,
  // The lists keep sharp item-to-item transitions the vectors smooth away; the strength is chosen
  // per site (BENCHMARKS.md › Ablations › "Shoppers went on to" lists).
  nextItems: true,
};

export interface TrainData {
  items: readonly WireItem[];
  /** Training sequences (dense item indices, oldest first): only items that may be learned from. */
  sequences: readonly Int32Array[];
}

export interface EvalSet {
  /** History (oldest first) and held-out target per user. */
  histories: Int32Array[];
  targets: Int32Array;
  /** Optional sampled negatives per user. */
  negatives?: Int32Array[];
}

export function trainParams(config: TrainConfig): ModelParams {
  const fieldWeights = {} as Record<FeatureField, number>;
  for (const f of FEATURE_FIELDS) fieldWeights[f] = config.fields[f] ?? 0;
  return {
    ...DEFAULT_PARAMS,
    dims: config.dims,
    fieldWeights,
    beta: 1,
    orderDecay: 1,
    historyWindow: config.window,
    unknownFeatures: 'zero',
    normalize: false,
    // The shop-order blend was swept for the zero-training model only (DEFAULT_PARAMS.positionWeight);
    // a trained model's scores have another scale, so it keeps the weight it has always shipped with.
    positionWeight: 0.2,
    actionWeights: { ...DEFAULT_PARAMS.actionWeights },
  };
}
