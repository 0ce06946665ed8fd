import type { Dataset } from '../eval/dataset.js';
import type { InterestModel } from '../model/model.js';
import { encodeModel, type ModelManifest } from '../model/model-format.js';
import { hashString } from '../model/hash.js';
import { repurchaseRates } from './repurchase.js';
import { DEFAULT_TRAIN_CONFIG, jsMatMul, quickEvaluate, toModel, train, type EvalSet, type MatMul, type TrainConfig, type TrainState } from './trainer.js';

export interface FitOptions {
  config?: Partial<TrainConfig>;
  /** Validation users for model selection (every k-th user, at most this many). */
  validUsers?: number;
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
}

export interface FitResult {
  model: InterestModel;
  config: TrainConfig;
  bestEpoch: number;
  /** Validation metrics of the chosen epoch (validation item, full ranking; sampled where negatives exist). */
  valid: { hr10: number; ndcg10: number; sampledHr10?: number; sampledNdcg10?: number };
  history: Array<{ epoch: number; loss: number; seconds: number; hr10: number; ndcg10: number }>;
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

/**
 * The whole site-training recipe: train on items before each user's validation item, pick the
 * epoch count by validation NDCG@10 (full ranking), optionally refit with the validation item
 * included. The test item is never read.
 */
export function fit(ds: Dataset, options: FitOptions = {}): FitResult {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...options.config };
  const patience = options.patience ?? 1;
  const matMul = options.matMul ?? jsMatMul;
  const vset = validationSet(ds, options.validUsers ?? 2500);
  const selectSeqs = ds.sequences.map((s) => s.subarray(0, Math.max(0, s.length - 2)));
  let best = { epoch: 0, ndcg: -1, hr: 0, sHr: 0, sNdcg: 0 };
  let bestState: { ctx: Float32Array; tgt: Float32Array; rec: Float32Array } | undefined;
  const history: FitResult['history'] = [];
  const state = train({ items: ds.items, sequences: selectSeqs }, config, (ep, st) => {
    const v = quickEvaluate(st, ds.items.length, vset, matMul);
    const ndcg = v.full.ndcg[10]!;
    history.push({ epoch: ep.epoch, loss: ep.loss, seconds: ep.ms / 1000, hr10: v.full.hr[10]!, ndcg10: ndcg });
    log(`epoch ${ep.epoch}: loss ${ep.loss.toFixed(4)} (${(ep.ms / 1000).toFixed(0)} s) valid full HR@10 ${v.full.hr[10]!.toFixed(4)} NDCG@10 ${ndcg.toFixed(4)} sampled HR@10 ${v.sampled?.hr[10]?.toFixed(4)} NDCG@10 ${v.sampled?.ndcg[10]?.toFixed(4)}`);
    if (ndcg > best.ndcg) {
      best = { epoch: ep.epoch, ndcg, hr: v.full.hr[10]!, sHr: v.sampled?.hr[10] ?? 0, sNdcg: v.sampled?.ndcg[10] ?? 0 };
      bestState = { ctx: st.ctx.slice(), tgt: st.tgt.slice(), rec: st.logRecency.slice() };
    } else if (ep.epoch - best.epoch >= patience) return false;
    return true;
  }, undefined, matMul);
  let final: TrainState = state;
  if (options.refit ?? true) {
    log(`refit: ${best.epoch} epochs on all items but the test item`);
    const refitSeqs = ds.sequences.map((s) => s.subarray(0, Math.max(0, s.length - 1)));
    final = train({ items: ds.items, sequences: refitSeqs }, { ...config, epochs: best.epoch }, (ep) => {
      log(`refit epoch ${ep.epoch}: loss ${ep.loss.toFixed(4)} (${(ep.ms / 1000).toFixed(0)} s)`);
    }, undefined, matMul);
  } else if (bestState) {
    state.ctx.set(bestState.ctx);
    state.tgt.set(bestState.tgt);
    state.logRecency.set(bestState.rec);
  }
  const model = toModel(final, 'pending');
  model.params = { ...model.params, repurchase: repurchaseRates(ds) }; // repeat-purchase sense, learned from the same sequences
  model.version = modelVersion(model);
  return {
    model,
    config: { ...config, epochs: best.epoch },
    bestEpoch: best.epoch,
    valid: { hr10: best.hr, ndcg10: best.ndcg, sampledHr10: best.sHr, sampledNdcg10: best.sNdcg },
    history,
    ms: performance.now() - started,
  };
}

/** Content hash of the encoded model: the browser's IndexedDB cache keys on this version. */
export function modelVersion(model: InterestModel): string {
  const { manifest, bin } = encodeModel({ ...model, version: 'x' });
  let h = hashString(JSON.stringify(manifest.params));
  for (let i = 0; i < bin.length; i++) h = Math.imul(h ^ bin[i]!, 0x01000193) >>> 0;
  return `site-${h.toString(16).padStart(8, '0')}`;
}

export type { ModelManifest };
