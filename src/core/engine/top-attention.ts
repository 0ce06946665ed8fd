/**
 * For each candidate, the similarity to its most-attended history item (the scorer's `top`)
 * and that item's contribution to the score: the numbers explanations and exploration use.
 * Recomputed in JS for one row per candidate, and only for the rows asked for: a ranking reads
 * every similarity only when it explores, and reasons read the first 200 places' contributions,
 * so a 1,000-item list usually computes 200 dot products instead of 1,000.
 */
export function topAttention(top: Int32Array, candidates: Float32Array, history: Float32Array, weights: Float32Array, dims: number, beta: number) {
  const n = top.length;
  const similarity = new Float64Array(n);
  const contribution = new Float64Array(n);
  const done = new Uint8Array(n);
  const row = (c: number) => {
    if (done[c]) return;
    done[c] = 1;
    const h = top[c]!;
    let dot = 0;
    for (let j = 0; j < dims; j++) dot += candidates[c * dims + j]! * history[h * dims + j]!;
    similarity[c] = dot;
    contribution[c] = weights[h]! * Math.exp(beta * (dot - 1));
  };
  return {
    /** Every candidate's similarity (all rows computed). */
    similarity(this: void): Float64Array {
      for (let c = 0; c < n; c++) row(c);
      return similarity;
    },
    contribution(this: void, c: number): number {
      row(c);
      return contribution[c]!;
    },
  };
}
