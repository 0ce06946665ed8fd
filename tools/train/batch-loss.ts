import type { BatchWork } from './batch-work.js';

/**
 * Phase 3: log-sum-exp over each example's history, softmax over its target and the valid
 * negatives, and the gradients wrt the logits (into w.gTy, w.gQpos, w.GZ and gRec). Returns
 * `lossSum` plus each example's loss, added one at a time.
 */
export function logitGradients(w: BatchWork, Z: Float32Array, gRec: Float32Array, scale: number, lossSum: number): number {
  w.gTy.fill(0, 0, w.nb * w.d);
  for (let e = 0; e < w.nb; e++) lossSum += exampleGradients(w, Z, gRec, e, scale);
  return lossSum;
}

/** One example's share of phase 3; returns its loss, logZ − s_pos. */
function exampleGradients(w: BatchWork, Z: Float32Array, gRec: Float32Array, e: number, scale: number): number {
  const { d, N, Qall, Ty, gTy, gQpos, GZ, zPos, valid, corr, fNeg } = w;
  const off = w.exOff[e]!;
  const m = w.exM[e]!;
  const sPos = positiveScore(w, e);
  maskNegatives(w, e);
  const logZ = logPartition(w, Z, e, sPos);
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
  return logZ - sPos;
}

/** The target's logit against each history row (into w.zPos) and their log-sum-exp, s_pos. */
function positiveScore(w: BatchWork, e: number): number {
  const { d, Qall, Ty, exLogW, zPos } = w;
  const off = w.exOff[e]!;
  const m = w.exM[e]!;
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
  return zmax + Math.log(sum);
}

/** Masks the negatives that are the example's target or in its history, and clears their Σ exp. */
function maskNegatives(w: BatchWork, e: number): void {
  const { N, negs, seen, valid, smNeg, exItems } = w;
  const off = w.exOff[e]!;
  const m = w.exM[e]!;
  const mark = ++w.mark;
  seen[w.exY[e]!] = mark;
  for (let j = 0; j < m; j++) seen[exItems[off + j]!] = mark;
  for (let c = 0; c < N; c++) {
    valid[c] = seen[negs[c]!] === mark ? 0 : 1;
    smNeg[c] = 0;
  }
}

/** log Z over the target and the valid negatives, each negative scored by log Σ_j exp(z_cj + lw_j) + corr_c. */
function logPartition(w: BatchWork, Z: Float32Array, e: number, sPos: number): number {
  const { N, GZ, exLogW, smNeg, sNeg, valid, corr } = w;
  const off = w.exOff[e]!;
  const m = w.exM[e]!;
  // Logits stay far below exp's range (learned dot products), so no max-shift is needed:
  // one exp per (history row, negative), kept in GZ and turned into gradients later. Rows
  // of GZ are walked in memory order (history row outer, negative inner), faster than the
  // strided walk (BENCHMARKS.md › Figures moved from code comments); most of what remains is the exp itself.
  // Masked negatives get an exp too (no branch in the hot loop) and a zero gradient later.
  for (let j = 0; j < m; j++) expRow(Z, GZ, (off + j) * N, N, exLogW[off + j]!, smNeg);
  let top = sPos;
  for (let c = 0; c < N; c++) {
    if (!valid[c]) continue;
    const sc = Math.log(smNeg[c]!) + corr[c]!;
    sNeg[c] = sc;
    if (sc > top) top = sc;
  }
  let denom = Math.exp(sPos - top);
  for (let c = 0; c < N; c++) if (valid[c]) denom += Math.exp(sNeg[c]! - top);
  return top + Math.log(denom);
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
