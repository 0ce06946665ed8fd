import type { TrainConfig, TrainData } from './train-config.js';

/** Draws a batch's shared negatives and says how likely each item is to be drawn (for logQ). */
export interface NegativeSampler {
  draw(k: number, rnd: () => number): number;
  /** Probability that one draw is item i (the mixture of both parts). */
  q(i: number): number;
}

/**
 * Draws the k-th negative of a batch: the first (1 − popularNegatives)·N uniformly (the same
 * draws as before the option existed), the rest ∝ training frequency^0.75 by binary search.
 */
export function negativeSampler(data: TrainData, config: TrainConfig): NegativeSampler {
  const nItems = data.items.length;
  const share = Math.min(1, Math.max(0, config.popularNegatives ?? 0));
  const uniformUpTo = Math.round(config.negatives * (1 - share));
  const weight = new Float64Array(nItems);
  for (const s of data.sequences) for (const i of s) weight[i]! += 1;
  let sum = 0;
  for (let i = 0; i < nItems; i++) sum += weight[i] = Math.pow(weight[i]!, 0.75);
  // Only the popular share reads it, and only when some item occurs (else every draw is uniform).
  const cdf = new Float64Array(nItems);
  let acc = 0;
  if (sum > 0) for (let i = 0; i < nItems; i++) cdf[i] = acc += weight[i]! / sum;
  const uniformShare = uniformUpTo / config.negatives;
  return {
    draw(k: number, rnd: () => number): number {
      if (k < uniformUpTo || sum === 0) return Math.floor(rnd() * nItems);
      const x = rnd() * acc;
      let lo = 0;
      let hi = nItems - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cdf[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
    q(i: number): number {
      const pop = sum > 0 ? weight[i]! / sum : 1 / nItems;
      return uniformShare / nItems + (1 - uniformShare) * pop;
    },
  };
}
