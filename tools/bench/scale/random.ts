import { mulberry32 } from '../../eval/random.js';

/** A seeded stream per (seed, stream, index): shoppers are generated independently, in any order. */
export function streamRandom(seed: number, stream: number, index: number): () => number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35) ^ Math.imul(index + 1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return mulberry32((h ^ (h >>> 15)) >>> 0);
}

/** Index drawn from cumulative weights `cum` (last entry the total) in [lo, hi). */
export function pickCumulative(cum: Float64Array, r: number, lo = 0, hi = cum.length): number {
  const base = lo > 0 ? cum[lo - 1]! : 0;
  const target = base + r * (cum[hi - 1]! - base);
  let a = lo;
  let b = hi - 1;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (cum[m]! < target) a = m + 1;
    else b = m;
  }
  return a;
}

export const pickOne = <T>(xs: readonly T[], r: number): T => xs[Math.min(xs.length - 1, Math.floor(r * xs.length))]!;
