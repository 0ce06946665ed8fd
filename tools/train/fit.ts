import type { Dataset } from '../eval/dataset.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { encodeModel, type ModelManifest } from '../../src/core/model/model-format.js';
import { hashString } from '../../src/core/model/hash.js';
import { buildNextItems, chooseNextItems, itemIdRows, type NextChoice } from './next-items.js';
import { repurchaseRates } from './repurchase.js';
import { jsMatMul, type MatMul } from './matmul.js';
import { quickEvaluate } from './quick-evaluate.js';
import { DEFAULT_TRAIN_CONFIG, type EvalSet, type TrainConfig } from './train-config.js';
import { toModel, type TrainState } from './train-state.js';
import { warmState } from './warm-start.js';
import { train } from './trainer.js';
import { throughputLine, type Throughput } from './step-meter.js';

export interface FitOptions {
  config?: Partial<TrainConfig>;
  /** Validation users for model selection (every k-th user, at most this many). */
  validUsers?: number;
  /** Validation users for the strength of the "went on to" lists (a cheaper pass: more users). Default 8,000. */
  nextUsers?: number;
  /** Epochs without improvement of validation NDCG@10 before stopping. */
  patience?: number;
  /**
   * After choosing the epoch count on the validation item, train again from scratch on every
   * item but the test item (the validation item becomes a training target). Default true.
   */
  refit?: boolean;
  log?: (line: string) => void;
  /** Matrix product for the trainer (tfjs-wasm from the CLIs; plain JS by default). */
  matMul?: MatMul;
  /** Bounded fit: train on these shoppers' sequences only (`bounded-fit.ts`); all still validate. */
  trainOn?: Uint8Array;
  /** Bounded fit: no new epoch of selection starts once it would end past this many minutes (at least one runs). */
  budgetMinutes?: number;
  /** Warm start: begin from a previous model's rows (`warm-start.ts`) instead of fresh ones. */
  init?: InterestModel;
}

export interface FitResult {
  model: InterestModel;
  config: TrainConfig;
  bestEpoch: number;
  /** Validation metrics of the chosen epoch (validation item, full ranking; sampled where negatives exist). */
  valid: { hr10: number; ndcg10: number; sampledHr10?: number; sampledNdcg10?: number };
  history: Array<{ epoch: number; loss: number; seconds: number; hr10: number; ndcg10: number; throughput?: Throughput }>;
  /** The "went on to" lists' strengths tried on the validation item, and the one shipped. */
  nextItems?: NextChoice;
  ms: number;
}

/** Validation set: every k-th user with at least 3 items, history = items before the validation item. */
export function validationSet(ds: Dataset, maxUsers: number): EvalSet {
  const eligible = ds.sequences.map((s, u) => (s.length >= 3 ? u : -1)).filter((u) => u >= 0);
  const step = Math.max(1, Math.floor(eligible.length / maxUsers));
  const users = eligible.filter((_, i) => i % step === 0).slice(0, maxUsers);
  return {
    histories: users.map((u) => ds.sequences[u]!.subarray(0, ds.sequences[u]!.length - 2)),
    targets: Int32Array.from(users, (u) => ds.sequences[u]![ds.sequences[u]!.length - 2]!),
    negatives: users.map((u) => ds.negatives[u]!),
  };
}

/** What the validation run found: the chosen epoch and its metrics, and each epoch's log. */
export interface Selection {
  best: { epoch: number; ndcg: number; hr: number; sHr: number; sNdcg: number };
  history: FitResult['history'];
  /** The trained rows at the chosen epoch (the model when there is no refit). */
  state: TrainState;
  /** The lists' strength chosen at that epoch (when the recipe ships them). */
  next?: NextChoice;
}

/** Items before the validation item: what model selection trains on (none for shoppers a bounded fit leaves out). */
export const selectionSequences = (ds: Dataset, trainOn?: Uint8Array) => ds.sequences.map((s, u) => s.subarray(0, trainOn && !trainOn[u] ? 0 : Math.max(0, s.length - 2)));
/** Items before the test item: what the refit trains on (each validation item becomes a target). */
export const refitSequences = (ds: Dataset, trainOn?: Uint8Array) => ds.sequences.map((s, u) => s.subarray(0, trainOn && !trainOn[u] ? 0 : Math.max(0, s.length - 1)));

/** The state a run starts from: a warm start's rows, or fresh ones (undefined: `train` draws them). */
export function startState(ds: Dataset, config: TrainConfig, options: Pick<FitOptions, 'init' | 'log'>): TrainState | undefined {
  if (!options.init) return undefined;
  const { state, reused, fresh } = warmState(ds.items, config, options.init);
  options.log?.(`warm start: ${reused} rows from the previous model, ${fresh} new rows drawn fresh`);
  return state;
}

/**
 * Model selection: trains on items before each user's validation item and scores every epoch on
 * it (full-ranking NDCG@10) until `patience` epochs pass without improvement. `onBest` hears
 * each new best epoch and `onChosen` the final choice, so a refit running beside it can drop
 * snapshots it no longer needs and stop on time.
 */
export function selectEpochs(ds: Dataset, config: TrainConfig, options: FitOptions & { onBest?: (epoch: number) => void; onChosen?: (epoch: number) => void } = {}): Selection {
  const log = options.log ?? (() => {});
  const patience = options.patience ?? 1;
  const matMul = options.matMul ?? jsMatMul;
  const vset = validationSet(ds, options.validUsers ?? 2500);
  const deadline = options.budgetMinutes !== undefined ? performance.now() + options.budgetMinutes * 60_000 : Infinity;
  let best = { epoch: 0, ndcg: -1, hr: 0, sHr: 0, sNdcg: 0 };
  let bestState: { ctx: Float32Array; tgt: Float32Array; rec: Float32Array } | undefined;
  const history: FitResult['history'] = [];
  const state = train({ items: ds.items, sequences: selectionSequences(ds, options.trainOn) }, config, (ep, st) => {
    const epochStarted = performance.now() - ep.ms;
    const v = quickEvaluate(st, ds.items.length, vset, matMul);
    const ndcg = v.full.ndcg[10]!;
    history.push({ epoch: ep.epoch, loss: ep.loss, seconds: ep.ms / 1000, hr10: v.full.hr[10]!, ndcg10: ndcg, ...(ep.throughput ? { throughput: ep.throughput } : {}) });
    log(`epoch ${ep.epoch}: loss ${ep.loss.toFixed(4)} (${(ep.ms / 1000).toFixed(0)} s) valid full HR@10 ${v.full.hr[10]!.toFixed(4)} NDCG@10 ${ndcg.toFixed(4)} sampled HR@10 ${v.sampled?.hr[10]?.toFixed(4)} NDCG@10 ${v.sampled?.ndcg[10]?.toFixed(4)}`);
    if (ep.throughput) log(`epoch ${ep.epoch} throughput: ${throughputLine(ep.throughput)}`);
    if (ndcg > best.ndcg) {
      best = { epoch: ep.epoch, ndcg, hr: v.full.hr[10]!, sHr: v.sampled?.hr[10] ?? 0, sNdcg: v.sampled?.ndcg[10] ?? 0 };
      bestState = { ctx: st.ctx.slice(), tgt: st.tgt.slice(), rec: st.logRecency.slice() };
      options.onBest?.(best.epoch);
    } else if (ep.epoch - best.epoch >= patience) return false;
    // Another epoch as long as this one (and its validation) would end past the budget.
    if (performance.now() + (performance.now() - epochStarted) > deadline) {
      log(`budget: ${options.budgetMinutes} minutes would run out during epoch ${ep.epoch + 1}; stopping at ${ep.epoch}`);
      return false;
    }
    return true;
  }, startState(ds, config, options), matMul);
  options.onChosen?.(best.epoch);
  if (bestState) {
    state.ctx.set(bestState.ctx);
    state.tgt.set(bestState.tgt);
    state.logRecency.set(bestState.rec);
  }
  if (!config.nextItems) return { best, history, state };
  const next = chooseNextItems(state, ds.items, selectionSequences(ds, options.trainOn), validationSet(ds, options.nextUsers ?? 8000), matMul);
  for (const { gamma, full } of next.tried) log(`went-on-to lists at strength ${gamma}: valid full HR@10 ${full.hr[10]!.toFixed(4)} NDCG@10 ${full.ndcg[10]!.toFixed(4)}`);
  log(`went-on-to lists: strength ${next.params.gamma} chosen`);
  return { best, history, state, next };
}

/** The model of a finished fit: final rows, the site's repurchase rates, a content-hash version. */
export function fitResult(ds: Dataset, config: TrainConfig, selection: Selection, final: TrainState, started: number, trainOn?: Uint8Array): FitResult {
  const { best, history } = selection;
  const model = toModel(final, 'pending');
  model.params = { ...model.params, repurchase: repurchaseRates(ds) }; // repeat-purchase sense, learned from the same sequences
  if (selection.next && selection.next.params.gamma > 0 && model.table) {
    // From the same items the shipped vectors trained on: with the refit, every item but the test item.
    const sequences = final === selection.state ? selectionSequences(ds, trainOn) : refitSequences(ds, trainOn);
    model.table.next = buildNextItems(sequences, itemIdRows(ds.items, model.table.keys), model.table.keys.length);
    model.params.nextItems = selection.next.params;
  }
  model.version = modelVersion(model);
  return {
    model,
    config: { ...config, epochs: best.epoch },
    bestEpoch: best.epoch,
    valid: { hr10: best.hr, ndcg10: best.ndcg, sampledHr10: best.sHr, sampledNdcg10: best.sNdcg },
    history,
    ...(selection.next ? { nextItems: selection.next } : {}),
    ms: performance.now() - started,
  };
}

/**
 * The whole site-training recipe on one thread: select the epoch count on the validation item,
 * then (by default) refit from scratch for that many epochs with the validation item included.
 * The test item is never read. `fitParallel` gives the same model on two threads.
 */
export function fit(ds: Dataset, options: FitOptions = {}): FitResult {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...options.config };
  const selection = selectEpochs(ds, config, options);
  let final = selection.state;
  if (options.refit ?? true) {
    const epochs = selection.best.epoch;
    log(`refit: ${epochs} epochs on all items but the test item`);
    final = train({ items: ds.items, sequences: refitSequences(ds, options.trainOn) }, { ...config, epochs }, (ep) => {
      log(`refit epoch ${ep.epoch}: loss ${ep.loss.toFixed(4)} (${(ep.ms / 1000).toFixed(0)} s)${ep.throughput ? `; ${throughputLine(ep.throughput)}` : ''}`);
    }, startState(ds, config, options), options.matMul ?? jsMatMul);
  }
  return fitResult(ds, config, selection, final, started, options.trainOn);
}

/** What a model's `training` facts record of its fit (both CLIs write them into model.json). */
export function fitFacts(res: FitResult): Record<string, unknown> {
  const facts: Record<string, unknown> = { config: res.config, bestEpoch: res.bestEpoch, valid: res.valid };
  const tp = res.history.map((h) => h.throughput).filter((t) => t !== undefined);
  if (tp.length) facts.throughput = tp.map((t) => ({ stepMacsPerSec: Math.round(t.stepMacsPerSec), matMulMacsPerSec: Math.round(t.matMulMacsPerSec), ratio: Number(t.ratio.toFixed(3)) }));
  if (res.nextItems) facts.nextItems = res.nextItems.tried.map(({ gamma, full }) => ({ gamma, hr10: full.hr[10], ndcg10: full.ndcg[10] }));
  return facts;
}

/** Content hash of the encoded model: the browser's IndexedDB cache keys on this version. */
export function modelVersion(model: InterestModel): string {
  const { manifest, bin } = encodeModel({ ...model, version: 'x' });
  let h = hashString(JSON.stringify(manifest.params));
  for (let i = 0; i < bin.length; i++) h = Math.imul(h ^ bin[i]!, 0x01000193) >>> 0;
  return `site-${h.toString(16).padStart(8, '0')}`;
}

export type { ModelManifest };
