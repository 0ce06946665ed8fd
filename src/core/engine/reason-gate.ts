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
 * Where item `i` would sit if the history gave it only the neutral score, everything else
 * unchanged: the number of other items whose score plus the shop's position prior beats its own
 * at the neutral score (ties keep the shop's order). The counterfactual a reason is measured by.
 */
export function neutralPlace(i: number, scores: Float32Array, prior: Float64Array, neutral: number): number {
  const mine = prior[i]! + neutral;
  let above = 0;
  for (let j = 0; j < scores.length; j++) {
    if (j === i) continue;
    const theirs = prior[j]! + scores[j]!;
    if (theirs > mine || (theirs === mine && j < i)) above++;
  }
  return above;
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
