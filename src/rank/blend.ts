/**
 * Blends model scores with the server's original order: the shop's ranking is a strong prior
 * (it knows stock, margins, relevance to the query), so an item moves only as far as the
 * shopper's interest justifies. Ties keep the original order, so an empty history or an
 * all-zero score returns the list unchanged.
 */
export function blendOrder(scores: Float32Array, positionWeight: number): Int32Array {
  const n = scores.length;
  const final = new Float64Array(n);
  for (let i = 0; i < n; i++) final[i] = scores[i]! - positionWeight * Math.log1p(i);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => final[b]! - final[a]! || a - b);
  return order;
}
