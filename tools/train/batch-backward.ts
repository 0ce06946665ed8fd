import { Adam } from './adam.js';
import type { FeatureLayout } from './features.js';
import { transposeInto, type MatMul } from './matmul.js';
import type { BatchWork } from './batch-work.js';
import type { TrainConfig } from './train-config.js';
import type { TrainState } from './train-state.js';

/** Gradients of one table (context or target rows), with the rows the batch touched and their optimiser. */
interface RowGrads {
  g: Float32Array;
  touched: Uint8Array;
  list: Int32Array;
  n: number;
  opt: Adam;
}

/** The optimisers and gradient buffers of a run: both tables' rows and the recency curve. */
export interface Optimiser {
  ctx: RowGrads;
  tgt: RowGrads;
  rec: Adam;
  gRec: Float32Array;
  recRows: Int32Array;
}

function rowGrads(size: number, rows: number, lr: number): RowGrads {
  return { g: new Float32Array(size), touched: new Uint8Array(rows), list: new Int32Array(rows), n: 0, opt: new Adam(size, lr) };
}

export function createOptimiser(config: TrainConfig, rows: number): Optimiser {
  const size = rows * config.dims;
  const L = config.window;
  return {
    ctx: rowGrads(size, rows, config.lr),
    tgt: rowGrads(size, rows, config.lr),
    rec: new Adam(L, config.lr),
    gRec: new Float32Array(L),
    recRows: Int32Array.from({ length: L }, (_, i) => i),
  };
}

export function setLearningRate(opt: Optimiser, lr: number): void {
  opt.ctx.opt.lr = opt.tgt.opt.lr = opt.rec.lr = lr;
}

/**
 * Phase 4: gradients of the history rows (S × d, gQ) and the negatives (N × d, gTneg) from the
 * logits'. The negatives' product runs as Qᵀ · GZ (d × N), so only the thin S × d and d × N
 * blocks are transposed, never the S × N one.
 */
export function backward(w: BatchWork, matMul: MatMul): { gQ: Float32Array; gTneg: Float32Array } {
  const { d, N, S, GZ } = w;
  const gz = GZ.subarray(0, S * N);
  const gQ = matMul(gz, S, N, w.Tneg, d);
  transposeInto(w.Qall, S, d, w.QallT);
  const gTnegT = matMul(w.QallT.subarray(0, d * S), d, S, gz, N);
  transposeInto(gTnegT, d, N, w.gTneg);
  for (let i = 0; i < S * d; i++) gQ[i]! += w.gQpos[i]!;
  return { gQ, gTneg: w.gTneg };
}

/** Phase 5: scatters the item gradients to their feature rows and steps the touched rows (and the recency curve). */
export function scatterAndStep(w: BatchWork, state: TrainState, config: TrainConfig, opt: Optimiser, gQ: Float32Array, gTneg: Float32Array): void {
  const { d, exM, exOff, exItems, exY, negs } = w;
  const { layout } = state;
  for (let e = 0; e < w.nb; e++) {
    const off = exOff[e]!;
    for (let j = 0; j < exM[e]!; j++) scatter(layout, d, opt.ctx, exItems[off + j]!, gQ, (off + j) * d);
    scatter(layout, d, opt.tgt, exY[e]!, w.gTy, e * d);
  }
  for (let k = 0; k < w.N; k++) scatter(layout, d, opt.tgt, negs[k]!, gTneg, k * d);
  opt.ctx.opt.t++;
  opt.tgt.opt.t++;
  stepTouched(opt.ctx, state.ctx, d, config.l2);
  stepTouched(opt.tgt, state.tgt, d, config.l2);
  if (config.learnRecency) {
    opt.rec.t++;
    opt.rec.stepRows(state.logRecency, opt.gRec, opt.recRows, 1, w.L, 0);
  } else opt.gRec.fill(0);
}

/** Adds coef · grad[off..off+d) to each feature row of `item`, noting rows touched for the first time. */
function scatter(layout: FeatureLayout, d: number, rg: RowGrads, item: number, grad: Float32Array, off: number): void {
  const { g, touched, list } = rg;
  for (let k = layout.rowStart[item]!; k < layout.rowStart[item + 1]!; k++) {
    const r = layout.rows[k]!;
    const c = layout.coefs[k]!;
    const base = r * d;
    for (let j = 0; j < d; j++) g[base + j]! += c * grad[off + j]!;
    if (!touched[r]) {
      touched[r] = 1;
      list[rg.n++] = r;
    }
  }
}

/** Steps the touched rows of `w` (zeroing their gradients) and clears the touched list. */
function stepTouched(rg: RowGrads, w: Float32Array, d: number, l2: number): void {
  rg.opt.stepRows(w, rg.g, rg.list, rg.n, d, l2);
  for (let r = 0; r < rg.n; r++) rg.touched[rg.list[r]!] = 0;
  rg.n = 0;
}
