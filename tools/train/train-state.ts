import type { WireItem } from '../../src/core/wire/wire.js';
import type { InterestModel, ModelParams } from '../../src/core/model/model-types.js';
import type { Metrics } from '../eval/metrics.js';
import { mulberry32 } from '../eval/random.js';
import { buildLayout, type FeatureLayout } from './features.js';
import { trainParams, type TrainConfig } from './train-config.js';
import type { Throughput } from './step-meter.js';

/** What training learns: the feature rows' context and target vectors and the recency curve. */
export interface TrainState {
  config: TrainConfig;
  params: ModelParams;
  layout: FeatureLayout;
  ctx: Float32Array;
  tgt: Float32Array;
  /** log orderWeights. */
  logRecency: Float32Array;
}

export interface EpochLog {
  epoch: number;
  loss: number;
  ms: number;
  /** The epoch's step throughput beside a same-shape matMul (`step-meter.ts`). */
  throughput?: Throughput;
  valid?: ValidMetrics;
}

export interface ValidMetrics {
  full: Metrics;
  sampled?: Metrics;
}

export function initState(items: readonly WireItem[], config: TrainConfig): TrainState {
  const params = trainParams(config);
  const layout = buildLayout(items, params);
  const rows = layout.keys.length;
  const d = config.dims;
  const rnd = mulberry32(config.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const ctx = new Float32Array(rows * d);
  const tgt = new Float32Array(rows * d);
  for (let i = 0; i < ctx.length; i++) ctx[i] = 0.1 * gauss();
  for (let i = 0; i < tgt.length; i++) tgt[i] = 0.1 * gauss();
  const logRecency = new Float32Array(config.window);
  for (let k = 0; k < config.window; k++) logRecency[k] = k * Math.log(config.initDecay);
  return { config, params, layout, ctx, tgt, logRecency };
}

/** The InterestModel the engine runs. */
export function toModel(state: TrainState, version: string): InterestModel {
  const params: ModelParams = { ...state.params, orderWeights: Array.from(state.logRecency, (x) => Number(Math.exp(x).toPrecision(6))) };
  return { version, params, table: { keys: state.layout.keys, context: state.ctx.slice(), target: state.tgt.slice() } };
}
