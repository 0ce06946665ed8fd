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

/** Below this spread the base scores say almost nothing; u still orders what they leave tied. */
const MIN_SPREAD = 0.01;

/**
 * scores[c] += σ·u·t_c for n candidates in `vectors` (n × dims, row-major), σ the standard
 * deviation of the base scores in this list. The base score is a kernel sum over the history,
 * so its scale grows with history mass and session boost, while u is trained in logit units:
 * σ puts u on the list's own scale, so a margin of 1 always moves an item by one spread.
 */
export function addPersonalTerm(scores: Float32Array, vectors: Float32Array, dims: number, u: Float32Array): void {
  if (u.length !== dims || scores.length === 0) return;
  let mean = 0;
  for (const s of scores) mean += s;
  mean /= scores.length;
  let variance = 0;
  for (const s of scores) variance += (s - mean) ** 2;
  const spread = Math.max(MIN_SPREAD, Math.sqrt(variance / scores.length));
  for (let i = 0; i < scores.length; i++) {
    let s = 0;
    for (let j = 0; j < dims; j++) s += u[j]! * vectors[i * dims + j]!;
    scores[i]! += spread * s;
  }
}
