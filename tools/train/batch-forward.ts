import { composeVector, type FeatureLayout } from './features.js';
import { foldHistory } from './fold-history.js';
import { transposeInto, type MatMul } from './matmul.js';
import type { NegativeSampler } from './negative-sampler.js';
import type { Examples, BatchWork } from './batch-work.js';
import type { TrainState } from './train-state.js';

/** The batch's shared negatives, their logQ corrections and their target vectors (and transpose). */
export function drawNegatives(w: BatchWork, state: TrainState, sampler: NegativeSampler, rnd: () => number, logQ: boolean): void {
  const { d, N, negs, corr, Tneg } = w;
  for (let k = 0; k < N; k++) {
    negs[k] = sampler.draw(k, rnd);
    corr[k] = logQ ? -Math.log(N * sampler.q(negs[k]!)) : 0;
    composeVector(state.layout, state.tgt, d, negs[k]!, Tneg, k * d);
  }
  transposeInto(Tneg, N, d, w.TnegT);
}

/**
 * Phase 1: folds the history of examples order[b0 .. b0 + nb) into history rows (items, log
 * weights, context vectors) and composes each example's target vector. Sets w.nb and w.S.
 */
export function foldBatch(w: BatchWork, state: TrainState, sequences: readonly Int32Array[], ex: Examples, b0: number, nb: number): void {
  const { d, L, exItems, exLogW, exM, exOff, exY, hCounts, Qall, Ty } = w;
  const layout: FeatureLayout = state.layout;
  let S = 0;
  for (let e = 0; e < nb; e++) {
    const i = ex.order[b0 + e]!;
    const seq = sequences[ex.user[i]!]!;
    const pos = ex.pos[i]!;
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
  w.nb = nb;
  w.S = S;
}

/** Phase 2: every history row against every shared negative, Z (S × N). */
export function scoreNegatives(w: BatchWork, matMul: MatMul): Float32Array {
  return matMul(w.Qall.subarray(0, w.S * w.d), w.S, w.d, w.TnegT, w.N);
}
