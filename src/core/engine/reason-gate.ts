/**
 * The least lift that earns a history reason, as a share of what an exact copy of the strongest
 * history item gains (its weight × (1 − e^(−β))). With the default β = 4 that is an item whose
 * vector shares about a quarter of its direction with the history item behind it.
 */
export const REASON_MIN_LIFT = 0.05;

/**
 * What the history did for each candidate: its score (after every adjustment) above the
 * neutral score, e^(−β)·Σw, that the attention gives an item with nothing in common with any
 * history item (dot product 0 with every row). Positive: the history raised it.
 */
export function historyLift(scores: Float32Array, weights: Float32Array, beta: number) {
  let total = 0;
  let strongest = 0;
  for (const w of weights) {
    total += w;
    strongest = Math.max(strongest, w);
  }
  const neutral = Math.exp(-beta) * total;
  const least = REASON_MIN_LIFT * strongest * (1 - Math.exp(-beta));
  return {
    lift: (i: number) => scores[i]! - neutral,
    /** True when the history raised item `i` by at least `REASON_MIN_LIFT` (and at all). */
    raised: (i: number) => scores[i]! - neutral >= least && scores[i]! - neutral > 0,
    neutral,
  };
}

export type HistoryLift = ReturnType<typeof historyLift>;

/**
 * Whether a history reason may be shown for item `i`, at `place` in the model's order (before
 * the shop's rules): the history raised its score (`raised`), it did not end below its place in
 * the shop's list (an item that moved down was not placed by the history), and chance did not
 * place it (exploration or privacy noise lifted it `NOTABLE_MOVE` places or more).
 */
export function historyExplains(i: number, place: number, lift: HistoryLift, byChance: boolean): boolean {
  return !byChance && place <= i && lift.raised(i);
}
