import { createMetrics } from '../eval/metrics.js';
import { composeVector } from './features.js';
import { foldHistory } from './fold-history.js';
import { jsMatMul, transposeInto, type MatMul } from './matmul.js';
import type { EvalSet } from './train-config.js';
import type { TrainState, ValidMetrics } from './train-state.js';

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
