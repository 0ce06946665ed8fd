import { createMetrics } from '../eval/metrics.js';
import { composeVector } from './features.js';
import { foldHistory } from './fold-history.js';
import { jsMatMul, transposeInto, type MatMul } from './matmul.js';
import type { EvalSet } from './train-config.js';
import type { TrainState, ValidMetrics } from './train-state.js';

/** History rows per product when scoring users: several users' histories share one upload of the catalogue. */
const BLOCK_ROWS = 512;

/**
 * Scores the whole catalogue for each user of `set` with the trainer's arithmetic (the engine's
 * scorer up to a monotone transform) and hands `visit` the raw scores (Σ_j w_j·exp(t_c·q_j)) with
 * the user's folded history. `scores` is reused between users. Users' history rows are stacked
 * into blocks of about BLOCK_ROWS, one product each against the catalogue (a product per user
 * copied the d × items catalogue into the backend once per user).
 */
export function scoreEachUser(state: TrainState, items: number, set: EvalSet, matMul: MatMul, visit: (u: number, scores: Float64Array, hItems: Int32Array, m: number) => void): void {
  const { layout } = state;
  const d = state.config.dims;
  const L = state.config.window;
  const T = new Float32Array(items * d);
  for (let i = 0; i < items; i++) composeVector(layout, state.tgt, d, i, T, i * d);
  const TT = new Float32Array(d * items);
  transposeInto(T, items, d, TT);
  const cap = BLOCK_ROWS + L;
  const Q = new Float32Array(cap * d);
  const hItems = new Int32Array(cap);
  const hCounts = new Float32Array(L);
  const hLogW = new Float32Array(cap);
  const scores = new Float64Array(items);
  const users: Array<{ u: number; off: number; m: number }> = [];
  for (let u0 = 0; u0 < set.histories.length; ) {
    let rows = 0;
    users.length = 0;
    for (; u0 < set.histories.length && rows < BLOCK_ROWS; u0++) {
      const hist = set.histories[u0]!;
      const m = foldHistory(hist, hist.length, L, hItems.subarray(rows), hCounts);
      if (m === 0) continue;
      for (let j = 0; j < m; j++) {
        hLogW[rows + j] = Math.log(hCounts[j]!) + state.logRecency[j]!;
        composeVector(layout, state.ctx, d, hItems[rows + j]!, Q, (rows + j) * d);
      }
      users.push({ u: u0, off: rows, m });
      rows += m;
    }
    if (rows === 0) continue;
    const Z = matMul(Q.subarray(0, rows * d), rows, d, TT, items);
    for (const { u, off, m } of users) {
      scores.fill(0);
      for (let j = off; j < off + m; j++) {
        const w = Math.exp(hLogW[j]!);
        const zOff = j * items;
        for (let c = 0; c < items; c++) scores[c]! += w * Math.exp(Z[zOff + c]!);
      }
      visit(u, scores, hItems.subarray(off, off + m), m);
    }
  }
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
