/**
 * The shopper's learned personal term: a vector u in the model's item space, added to each
 * candidate's score as u·t_c (t_c its target vector). u = 0 is the site's model unchanged, so
 * regularising u toward 0 regularises toward the global weights. Tied to one model version:
 * another model's vectors live in another space.
 */
export interface PersonalTerm {
  modelVersion: string;
  u: Float32Array;
}

/** scores[c] += u·t_c for n candidates in `vectors` (n × dims, row-major). */
export function addPersonalTerm(scores: Float32Array, vectors: Float32Array, dims: number, u: Float32Array): void {
  if (u.length !== dims) return;
  for (let i = 0; i < scores.length; i++) {
    let s = 0;
    for (let j = 0; j < dims; j++) s += u[j]! * vectors[i * dims + j]!;
    scores[i]! += s;
  }
}
