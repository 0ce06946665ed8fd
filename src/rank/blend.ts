/**
 * Blends model scores with the server's original order: the shop's ranking is a strong prior
 * (it knows stock, margins, relevance to the query), so an item moves only as far as the
 * shopper's interest justifies. Ties keep the original order, so an empty history or an
 * all-zero score returns the list unchanged.
 */
export function positionPrior(n: number, positionWeight: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => -positionWeight * Math.log1p(i));
}

/** Indices by descending utility, ties in original order. */
export function orderBy(utility: Float64Array): number[] {
  return Array.from({ length: utility.length }, (_, i) => i).sort((a, b) => utility[b]! - utility[a]! || a - b);
}
