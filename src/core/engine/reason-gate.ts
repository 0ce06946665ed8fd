/**
 * What the history did for each candidate: its score (after every adjustment) above the
 * neutral score, e^(−β)·Σw, that the attention gives an item with nothing in common with any
 * history item (dot product 0 with every row). Positive: the history raised it.
 */
export function historyLift(scores: Float32Array, weights: Float32Array, beta: number) {
  let total = 0;
  for (const w of weights) total += w;
  const neutral = Math.exp(-beta) * total;
  return {
    lift: (i: number) => scores[i]! - neutral,
    neutral,
  };
}

export type HistoryLift = ReturnType<typeof historyLift>;

/**
 * Where an item would sit if the history gave it only the neutral score, everything else
 * unchanged: the number of other items whose score plus the shop's position prior beats its own
 * at the neutral score. The counterfactual a reason is measured by; the list's utilities are
 * sorted once, so each item asked about costs a binary search.
 */
export function neutralPlaces(scores: Float32Array, prior: Float64Array, neutral: number): (i: number) => number {
  let sorted: Float64Array | undefined;
  return (i) => {
    sorted ??= Float64Array.from(scores, (s, j) => prior[j]! + s).sort();
    const mine = prior[i]! + neutral;
    // Items strictly above `mine`: the ascending array's length past the last value ≤ mine.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= mine) lo = mid + 1;
      else hi = mid;
    }
    const above = sorted.length - lo;
    // The item itself is among them when its real utility beats its neutral one.
    return prior[i]! + scores[i]! > mine ? above - 1 : above;
  };
}

/**
 * Whether a history reason may be shown for item `i`, at `place` in the model's order (before
 * the shop's rules). The threshold is on the contribution's effect on the place: the history
 * raised its score, and with the neutral score instead it would sit at least one place lower
 * (`wouldBeAt`); it did not end below its place in the shop's list (an item that moved down was
 * not placed by the history); and chance did not place it (exploration or privacy noise lifted
 * it `NOTABLE_MOVE` places or more).
 */
export function historyExplains(i: number, place: number, lift: HistoryLift, byChance: boolean, wouldBeAt: number): boolean {
  return !byChance && place <= i && lift.lift(i) > 0 && place < wouldBeAt;
}
