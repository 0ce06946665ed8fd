/** Lists longer than this are diversified in their head only: MMR is quadratic in the list length. */
export const DIVERSIFY_HEAD = 200;

/**
 * Maximal marginal relevance: picks, one by one, the item with the best
 * (1 − λ)·relevance − λ·(similarity to the items already picked), relevance scaled to [0, 1].
 * `vectors` are unit item vectors (n × dims), so similarity is a dot product. λ = 0 keeps the
 * order by utility; λ = 1 spreads the list as far apart as it can go.
 */
export function diversify(order: readonly number[], utility: Float64Array, vectors: Float32Array, dims: number, lambda: number): number[] {
  if (lambda <= 0 || order.length < 3) return [...order];
  const head = order.slice(0, DIVERSIFY_HEAD);
  const tail = order.slice(DIVERSIFY_HEAD);
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of head) {
    lo = Math.min(lo, utility[i]!);
    hi = Math.max(hi, utility[i]!);
  }
  const scale = hi - lo || 1;
  const maxSim = new Float64Array(utility.length).fill(-Infinity);
  const picked: number[] = [];
  const left = new Set(head);
  while (left.size > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of left) {
      const redundancy = picked.length === 0 ? 0 : Math.max(0, maxSim[i]!);
      const value = (1 - lambda) * ((utility[i]! - lo) / scale) - lambda * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    picked.push(best);
    left.delete(best);
    for (const i of left) {
      let dot = 0;
      for (let j = 0; j < dims; j++) dot += vectors[i * dims + j]! * vectors[best * dims + j]!;
      if (dot > maxSim[i]!) maxSim[i] = dot;
    }
  }
  return [...picked, ...tail];
}

/** Intra-list diversity: mean pairwise (1 − cosine) of the first `k` items. */
export function intraListDiversity(order: readonly number[], vectors: Float32Array, dims: number, k = 10): number {
  const top = order.slice(0, k);
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < top.length; a++) {
    for (let b = a + 1; b < top.length; b++) {
      let dot = 0;
      for (let j = 0; j < dims; j++) dot += vectors[top[a]! * dims + j]! * vectors[top[b]! * dims + j]!;
      sum += 1 - dot;
      pairs++;
    }
  }
  return pairs ? sum / pairs : 0;
}
