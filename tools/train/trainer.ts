import type { WireItem } from '../../src/core/wire/wire.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { DEFAULT_PARAMS } from '../../src/core/model/params.js';
import type { ModelParams } from '../../src/core/model/model-types.js';
import { FEATURE_FIELDS, type FeatureField } from '../../src/core/model/model-types.js';
import { mulberry32 } from '../eval/random.js';
import { buildLayout, composeVector, type FeatureLayout } from './features.js';
import { createMetrics, type Metrics } from '../eval/metrics.js';

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
 */
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

/** Most recent distinct items of seq[0..end), newest first, with how often each occurs. */
export function foldHistory(seq: Int32Array, end: number, window: number, items: Int32Array, counts: Float32Array): number {
  let m = 0;
  for (let k = end - 1; k >= 0; k--) {
    const it = seq[k]!;
    let found = -1;
    for (let j = 0; j < m; j++) if (items[j] === it) found = j;
    if (found >= 0) counts[found]! += 1;
    else if (m < window) {
      items[m] = it;
      counts[m] = 1;
      m++;
    } else {
      // Older repeats of items outside the window do not count; keep scanning only for repeats inside.
      continue;
    }
  }
  return m;
}

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
  valid?: ValidMetrics;
}

export interface ValidMetrics {
  full: Metrics;
  sampled?: Metrics;
}

class Adam {
  m: Float32Array;
  v: Float32Array;
  t = 0;
  constructor(
    size: number,
    public lr: number,
  ) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }
  /** Lazy update of `rowsList` rows (width `dims`) of `w` from `g`, zeroing those rows of g. */
  stepRows(w: Float32Array, g: Float32Array, rowsList: Int32Array, count: number, dims: number, l2: number): void {
    const b1 = 0.9;
    const b2 = 0.999;
    const c1 = 1 - Math.pow(b1, this.t);
    const c2 = 1 - Math.pow(b2, this.t);
    const step = (this.lr * Math.sqrt(c2)) / c1;
    for (let r = 0; r < count; r++) {
      const base = rowsList[r]! * dims;
      for (let j = base; j < base + dims; j++) {
        const gj = g[j]! + l2 * w[j]!;
        g[j] = 0;
        const mj = (this.m[j] = b1 * this.m[j]! + (1 - b1) * gj);
        const vj = (this.v[j] = b2 * this.v[j]! + (1 - b2) * gj * gj);
        w[j]! -= (step * mj) / (Math.sqrt(vj) + 1e-8);
      }
    }
  }
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

/**
 * C = A (r × k) · B (k × c), row-major. The trainer's three big products per batch go through
 * this: plain JS by default, tfjs-wasm (SIMD) from the CLIs (`tools/train/matmul-tf.ts`).
 */
export type MatMul = (a: Float32Array, r: number, k: number, b: Float32Array, c: number) => Float32Array;

export const jsMatMul: MatMul = (a, r, k, b, c) => {
  const out = new Float32Array(r * c);
  for (let i = 0; i < r; i++) {
    const oOff = i * c;
    for (let t = 0; t < k; t++) {
      const av = a[i * k + t]!;
      if (av === 0) continue;
      const bOff = t * c;
      for (let j = 0; j < c; j++) out[oOff + j]! += av * b[bOff + j]!;
    }
  }
  return out;
};

/**
 * Draws the k-th negative of a batch: the first (1 − popularNegatives)·N uniformly (the same
 * draws as before the option existed), the rest ∝ training frequency^0.75 by binary search.
 */
export function negativeSampler(data: TrainData, config: TrainConfig) {
  const nItems = data.items.length;
  const share = Math.min(1, Math.max(0, config.popularNegatives ?? 0));
  const uniformUpTo = Math.round(config.negatives * (1 - share));
  const weight = new Float64Array(nItems);
  for (const s of data.sequences) for (const i of s) weight[i]! += 1;
  let sum = 0;
  for (let i = 0; i < nItems; i++) sum += weight[i] = Math.pow(weight[i]!, 0.75);
  // Only the popular share reads it, and only when some item occurs (else every draw is uniform).
  const cdf = new Float64Array(nItems);
  let acc = 0;
  if (sum > 0) for (let i = 0; i < nItems; i++) cdf[i] = acc += weight[i]! / sum;
  const uniformShare = uniformUpTo / config.negatives;
  return {
    draw(k: number, rnd: () => number): number {
      if (k < uniformUpTo || sum === 0) return Math.floor(rnd() * nItems);
      const x = rnd() * acc;
      let lo = 0;
      let hi = nItems - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cdf[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
    /** Probability that one draw is item i (the mixture of both parts). */
    q(i: number): number {
      const pop = sum > 0 ? weight[i]! / sum : 1 / nItems;
      return uniformShare / nItems + (1 - uniformShare) * pop;
    },
  };
}

/**
 * out (cols × rows) = aᵀ for row-major a (rows × cols). In 32 × 32 tiles so both sides stay in
 * cache: a plain double loop strides `rows` floats per write.
 */
function transposeInto(a: Float32Array, rows: number, cols: number, out: Float32Array): void {
  for (let r0 = 0; r0 < rows; r0 += 32) {
    const r1 = Math.min(rows, r0 + 32);
    for (let c0 = 0; c0 < cols; c0 += 32) {
      const c1 = Math.min(cols, c0 + 32);
      for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) out[c * rows + r] = a[r * cols + c]!;
    }
  }
}

/** One history row against the shared negatives: GZ = exp(z + lw), summed per negative into `sums`. */
function expRow(Z: Float32Array, GZ: Float32Array, off: number, n: number, lw: number, sums: Float64Array): void {
  for (let c = 0; c < n; c++) {
    const ez = Math.exp(Z[off + c]! + lw);
    GZ[off + c] = ez;
    sums[c]! += ez;
  }
}

/**
 * The same row's logit gradients: GZ ×= f per negative (f = 0 for masked ones, which may hold an
 * overflowed exp, hence the select rather than a product). Returns `acc` plus the row's sum,
 * accumulated in float32 as the recency gradient always was.
 */
function gradRow(GZ: Float32Array, off: number, n: number, f: Float64Array, acc: number): number {
  for (let c = 0; c < n; c++) {
    const fc = f[c]!;
    const gz = fc === 0 ? 0 : GZ[off + c]! * fc;
    GZ[off + c] = gz;
    acc = Math.fround(acc + gz);
  }
  return acc;
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
  const { layout } = state;
  const d = config.dims;
  const L = config.window;
  const rows = layout.keys.length;
  const B = config.batch;
  const N = config.negatives;
  const rnd = mulberry32(config.seed ^ 0x5bd1e995);

  let total = 0;
  for (const s of data.sequences) total += Math.max(0, s.length - 1);
  const exUser = new Int32Array(total);
  const exPos = new Int32Array(total);
  {
    let e = 0;
    data.sequences.forEach((s, u) => {
      for (let k = 1; k < s.length; k++) {
        exUser[e] = u;
        exPos[e] = k;
        e++;
      }
    });
  }

  const optCtx = new Adam(rows * d, config.lr);
  const optTgt = new Adam(rows * d, config.lr);
  const optRec = new Adam(L, config.lr);
  const gCtx = new Float32Array(rows * d);
  const gTgt = new Float32Array(rows * d);
  const gRec = new Float32Array(L);
  const touchedCtx = new Uint8Array(rows);
  const touchedTgt = new Uint8Array(rows);
  const listCtx = new Int32Array(rows);
  const listTgt = new Int32Array(rows);
  let nCtx = 0;
  let nTgt = 0;
  const recRows = Int32Array.from({ length: L }, (_, i) => i);

  const maxS = B * L;
  const negs = new Int32Array(N);
  const Tneg = new Float32Array(N * d);
  const TnegT = new Float32Array(d * N);
  const Qall = new Float32Array(maxS * d);
  const Ty = new Float32Array(B * d);
  const gTy = new Float32Array(B * d);
  const gQpos = new Float32Array(maxS * d);
  const GZ = new Float32Array(maxS * N);
  const GZT = new Float32Array(N * maxS);
  const exItems = new Int32Array(B * L);
  const exLogW = new Float32Array(B * L);
  const exM = new Int32Array(B);
  const exOff = new Int32Array(B);
  const exY = new Int32Array(B);
  const hCounts = new Float32Array(L);
  const zPos = new Float32Array(L);
  const sNeg = new Float32Array(N);
  const valid = new Uint8Array(N);
  const smNeg = new Float64Array(N);
  const fNeg = new Float64Array(N);
  // seen[i] === mark: item i is the current example's target or in its history (masked as a negative).
  const seen = new Int32Array(data.items.length);
  let mark = 0;
  const order = Int32Array.from({ length: total }, (_, i) => i);
  const sampler = negativeSampler(data, config);
  const corr = new Float32Array(N);

  const scatter = (g: Float32Array, touched: Uint8Array, list: Int32Array, count: number, item: number, grad: Float32Array, off: number): number => {
    for (let k = layout.rowStart[item]!; k < layout.rowStart[item + 1]!; k++) {
      const r = layout.rows[k]!;
      const c = layout.coefs[k]!;
      const base = r * d;
      for (let j = 0; j < d; j++) g[base + j]! += c * grad[off + j]!;
      if (!touched[r]) {
        touched[r] = 1;
        list[count++] = r;
      }
    }
    return count;
  };

  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    const started = performance.now();
    const lr = config.lr * Math.pow(config.lrDecay ?? 1, epoch - 1);
    optCtx.lr = optTgt.lr = optRec.lr = lr;
    for (let i = total - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    let lossSum = 0;
    for (let b0 = 0; b0 < total; b0 += B) {
      if (stop?.()) return state;
      const nb = Math.min(total, b0 + B) - b0;
      const scale = 1 / nb;
      for (let k = 0; k < N; k++) {
        negs[k] = sampler.draw(k, rnd);
        corr[k] = config.logQ ? -Math.log(N * sampler.q(negs[k]!)) : 0;
        composeVector(layout, state.tgt, d, negs[k]!, Tneg, k * d);
      }
      transposeInto(Tneg, N, d, TnegT);
      // Phase 1: histories and target vectors of the batch.
      let S = 0;
      for (let e = 0; e < nb; e++) {
        const ex = order[b0 + e]!;
        const seq = data.sequences[exUser[ex]!]!;
        const pos = exPos[ex]!;
        exY[e] = seq[pos]!;
        exOff[e] = S;
        const m = foldHistory(seq, pos, L, exItems.subarray(S), hCounts);
        exM[e] = m;
        for (let j = 0; j < m; j++) {
          exLogW[S + j] = Math.log(hCounts[j]!) + state.logRecency[j]!;
          composeVector(layout, state.ctx, d, exItems[S + j]!, Qall, (S + j) * d);
        }
        composeVector(layout, state.tgt, d, exY[e]!, Ty, e * d);
        S += m;
      }
      // Phase 2: every history row against every shared negative.
      const Z = matMul(Qall.subarray(0, S * d), S, d, TnegT, N);
      // Phase 3: log-sum-exp over history, softmax over candidates, gradients wrt the logits.
      gTy.fill(0, 0, nb * d);
      for (let e = 0; e < nb; e++) {
        const off = exOff[e]!;
        const m = exM[e]!;
        const y = exY[e]!;
        let zmax = -Infinity;
        for (let j = 0; j < m; j++) {
          let dot = exLogW[off + j]!;
          const qOff = (off + j) * d;
          for (let t = 0; t < d; t++) dot += Ty[e * d + t]! * Qall[qOff + t]!;
          zPos[j] = dot;
          if (dot > zmax) zmax = dot;
        }
        let sum = 0;
        for (let j = 0; j < m; j++) sum += Math.exp(zPos[j]! - zmax);
        const sPos = zmax + Math.log(sum);
        let top = sPos;
        // Logits stay far below exp's range (learned dot products), so no max-shift is needed:
        // one exp per (history row, negative), kept in GZ and turned into gradients below. Rows
        // of GZ are walked in memory order (history row outer, negative inner), faster than the
        // strided walk (BENCHMARKS.md › Figures moved from code comments); most of what remains is the exp itself.
        // Masked negatives get an exp too (no branch in the hot loop) and a zero gradient below.
        mark++;
        seen[y] = mark;
        for (let j = 0; j < m; j++) seen[exItems[off + j]!] = mark;
        for (let c = 0; c < N; c++) {
          valid[c] = seen[negs[c]!] === mark ? 0 : 1;
          smNeg[c] = 0;
        }
        for (let j = 0; j < m; j++) expRow(Z, GZ, (off + j) * N, N, exLogW[off + j]!, smNeg);
        for (let c = 0; c < N; c++) {
          if (!valid[c]) continue;
          const sc = Math.log(smNeg[c]!) + corr[c]!;
          sNeg[c] = sc;
          if (sc > top) top = sc;
        }
        let denom = Math.exp(sPos - top);
        for (let c = 0; c < N; c++) if (valid[c]) denom += Math.exp(sNeg[c]! - top);
        const logZ = top + Math.log(denom);
        lossSum += logZ - sPos;
        // Positive: d loss / d s_pos = p_pos − 1.
        const gPos = (Math.exp(sPos - logZ) - 1) * scale;
        for (let j = 0; j < m; j++) {
          const gz = gPos * Math.exp(zPos[j]! - sPos);
          gRec[j]! += gz;
          const qOff = (off + j) * d;
          for (let t = 0; t < d; t++) {
            gTy[e * d + t]! += gz * Qall[qOff + t]!;
            gQpos[qOff + t] = gz * Ty[e * d + t]!;
          }
        }
        // gz = p_c · a_cj = exp(s_c − logZ) · exp(z_cj + corr_c) / exp(s_c) = exp(z_cj + corr_c − logZ).
        for (let c = 0; c < N; c++) fNeg[c] = valid[c] ? Math.exp(corr[c]! - logZ) * scale : 0;
        for (let j = 0; j < m; j++) gRec[j] = gradRow(GZ, (off + j) * N, N, fNeg, gRec[j]!);
      }
      // Phase 4: gradients of history rows and negatives.
      transposeInto(GZ, S, N, GZT);
      const gQ = matMul(GZ.subarray(0, S * N), S, N, Tneg, d);
      const gTneg = matMul(GZT.subarray(0, N * S), N, S, Qall.subarray(0, S * d), d);
      for (let i = 0; i < S * d; i++) gQ[i]! += gQpos[i]!;
      // Phase 5: scatter to feature rows and step.
      for (let e = 0; e < nb; e++) {
        const off = exOff[e]!;
        for (let j = 0; j < exM[e]!; j++) nCtx = scatter(gCtx, touchedCtx, listCtx, nCtx, exItems[off + j]!, gQ, (off + j) * d);
        nTgt = scatter(gTgt, touchedTgt, listTgt, nTgt, exY[e]!, gTy, e * d);
      }
      for (let k = 0; k < N; k++) nTgt = scatter(gTgt, touchedTgt, listTgt, nTgt, negs[k]!, gTneg, k * d);
      optCtx.t++;
      optTgt.t++;
      optCtx.stepRows(state.ctx, gCtx, listCtx, nCtx, d, config.l2);
      optTgt.stepRows(state.tgt, gTgt, listTgt, nTgt, d, config.l2);
      for (let r = 0; r < nCtx; r++) touchedCtx[listCtx[r]!] = 0;
      for (let r = 0; r < nTgt; r++) touchedTgt[listTgt[r]!] = 0;
      nCtx = 0;
      nTgt = 0;
      if (config.learnRecency) {
        optRec.t++;
        optRec.stepRows(state.logRecency, gRec, recRows, 1, L, 0);
      } else gRec.fill(0);
    }
    const log: EpochLog = { epoch, loss: lossSum / total, ms: performance.now() - started };
    if (onEpoch && onEpoch(log, state) === false) break;
  }
  return state;
}

/**
 * Scores the whole catalogue for each user of `set` with the trainer's arithmetic (the engine's
 * scorer up to a monotone transform) and hands `visit` the raw scores (Σ_j w_j·exp(t_c·q_j)) with
 * the user's folded history. `scores` is reused between users.
 */
export function scoreEachUser(state: TrainState, items: number, set: EvalSet, matMul: MatMul, visit: (u: number, scores: Float64Array, hItems: Int32Array, m: number) => void): void {
  const { layout } = state;
  const d = state.config.dims;
  const L = state.config.window;
  const T = new Float32Array(items * d);
  for (let i = 0; i < items; i++) composeVector(layout, state.tgt, d, i, T, i * d);
  const TT = new Float32Array(d * items);
  transposeInto(T, items, d, TT);
  const Q = new Float32Array(L * d);
  const hItems = new Int32Array(L);
  const hCounts = new Float32Array(L);
  const hLogW = new Float32Array(L);
  const scores = new Float64Array(items);
  set.histories.forEach((hist, u) => {
    const m = foldHistory(hist, hist.length, L, hItems, hCounts);
    if (m === 0) return;
    for (let j = 0; j < m; j++) {
      hLogW[j] = Math.log(hCounts[j]!) + state.logRecency[j]!;
      composeVector(layout, state.ctx, d, hItems[j]!, Q, j * d);
    }
    const Z = matMul(Q.subarray(0, m * d), m, d, TT, items);
    scores.fill(0);
    for (let j = 0; j < m; j++) {
      const w = Math.exp(hLogW[j]!);
      const off = j * items;
      for (let c = 0; c < items; c++) scores[c]! += w * Math.exp(Z[off + c]!);
    }
    visit(u, scores, hItems, m);
  });
}

/**
 * Fast evaluation with the trainer's own arithmetic (identical to the engine's scorer up to a
 * monotone transform), for model selection on the validation item only.
 */
export function quickEvaluate(state: TrainState, items: number, set: EvalSet, matMul: MatMul = jsMatMul): ValidMetrics {
  const full = createMetrics();
  const sampled = createMetrics();
  scoreEachUser(state, items, set, matMul, (u, scores) => {
    const hist = set.histories[u]!;
    const y = set.targets[u]!;
    for (const h of hist) if (h !== y) scores[h] = -Infinity;
    const sy = scores[y]!;
    let rank = 0;
    for (let c = 0; c < items; c++) if (c !== y && scores[c]! >= sy) rank++;
    full.add(rank);
    const negs = set.negatives?.[u];
    if (negs && negs.length) {
      let r = 0;
      for (const n of negs) if (scores[n]! >= sy) r++;
      sampled.add(r);
    }
  });
  const out: ValidMetrics = { full: full.result() };
  if (set.negatives) out.sampled = sampled.result();
  return out;
}
