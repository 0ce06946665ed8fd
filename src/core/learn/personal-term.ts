/**
 * The shopper's learned personal term: a vector u in the model's item space, added to each
 * candidate's score as σ·u·t_c (t_c its target vector). u = 0 is the site's model unchanged, so
 * regularising u toward 0 regularises toward the global weights. Tied to one model version:
 * another model's vectors live in another space.
 */
export interface PersonalTerm {
  modelVersion: string;
  u: Float32Array;
}

import type { Reason } from '../types.js';

/** Below this spread the base scores say almost nothing; u still orders what they leave tied. */
const MIN_SPREAD = 0.01;

/**
 * scores[c] += σ·u·t_c for n candidates in `vectors` (n × dims, row-major), σ the standard
 * deviation of the base scores in this list. The base score is a kernel sum over the history,
 * so its scale grows with history mass and session boost, while u is trained in logit units:
 * σ puts u on the list's own scale, so a margin of 1 always moves an item by one spread.
 * Returns u·t_c per candidate (for reasons), or undefined when u does not fit the model.
 */
export function addPersonalTerm(scores: Float32Array, vectors: Float32Array, dims: number, u: Float32Array): Float32Array | undefined {
  if (u.length !== dims || scores.length === 0) return undefined;
  const spread = spreadOf(scores);
  const added = new Float32Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    let s = 0;
    for (let j = 0; j < dims; j++) s += u[j]! * vectors[i * dims + j]!;
    added[i] = s;
    scores[i]! += spread * s;
  }
  return added;
}

/**
 * `addPersonalTerm` with candidate i's vector from `row(i)` (dims values): a list scored in
 * per-list coordinates reads the items' cached vectors instead of first copying them into an
 * n × dims matrix. The same sums in the same order, so the same floats.
 */
export function addPersonalTermByRow(scores: Float32Array, row: (i: number) => Float32Array, dims: number, u: Float32Array): Float32Array | undefined {
  if (u.length !== dims || scores.length === 0) return undefined;
  const spread = spreadOf(scores);
  const added = new Float32Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const t = row(i);
    let s = 0;
    for (let j = 0; j < dims; j++) s += u[j]! * t[j]!;
    added[i] = s;
    scores[i]! += spread * s;
  }
  return added;
}

/** σ of the base scores, at least MIN_SPREAD. */
function spreadOf(scores: Float32Array): number {
  let mean = 0;
  for (const s of scores) mean += s;
  mean /= scores.length;
  let variance = 0;
  for (const s of scores) variance += (s - mean) ** 2;
  return Math.max(MIN_SPREAD, Math.sqrt(variance / scores.length));
}

/** u·t_c at which the learned term is worth telling the shopper: half a spread or more. */
export const LEARNED_REASON_MIN = 0.5;

/** The reason shown where what the worker learned from this shopper's picks lifted an item. */
export function learnedReason(uDotT: number): Reason | undefined {
  return uDotT >= LEARNED_REASON_MIN ? { kind: 'learned', text: 'like what you pick from lists', weight: uDotT } : undefined;
}
