/**
 * For each candidate, the similarity to its most-attended history item (the scorer's `top`)
 * and that item's contribution to the score: the numbers explanations and exploration use.
 * Recomputed in JS for one row per candidate — n dot products, negligible next to the scoring.
 */
export function topAttention(top: Int32Array, candidates: Float32Array, history: Float32Array, weights: Float32Array, dims: number, beta: number) {
  const n = top.length;
  const similarity = new Float64Array(n);
  const contribution = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const h = top[c]!;
    let dot = 0;
    for (let j = 0; j < dims; j++) dot += candidates[c * dims + j]! * history[h * dims + j]!;
    similarity[c] = dot;
    contribution[c] = weights[h]! * Math.exp(beta * (dot - 1));
  }
  return { similarity, contribution };
}
