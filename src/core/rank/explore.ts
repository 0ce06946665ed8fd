import { normal, type Uniform } from './random.js';

/**
 * Thompson-style exploration: each utility is replaced by a draw from a normal centred on it,
 * wider where the model knows less. `uncertainty[i]` is in [0, 1] (1 = nothing like this item
 * in the history); `exploration` in [0, 1] scales the widest spread to the spread of the list's
 * own utilities. 0 returns the utilities unchanged (deterministic ranking).
 */
export function explore(utility: Float64Array, uncertainty: Float64Array, exploration: number, u: Uniform): Float64Array {
  if (exploration <= 0 || utility.length < 2) return utility;
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of utility) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const spread = (hi - lo || 1) * exploration;
  return utility.map((x, i) => x + spread * uncertainty[i]! * normal(u));
}
