/** 95 % intervals for the replay's figures, so the page never reads more into them than they hold. */
const Z = 1.959964;

export interface Interval { value: number; low: number; high: number }

/** Wilson score interval of a proportion `hits / n` (well-behaved near 0 and 1 and for small n). */
export function wilson(hits: number, n: number): Interval {
  if (n === 0) return { value: 0, low: 0, high: 0 };
  const p = hits / n, z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Mean with a normal-approximation interval (the replay's average position over shoppers). */
export function meanInterval(xs: readonly number[]): Interval {
  const n = xs.length;
  if (n === 0) return { value: 0, low: 0, high: 0 };
  const m = xs.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1)) : 0;
  const half = (Z * sd) / Math.sqrt(n);
  return { value: m, low: m - half, high: m + half };
}

/** Whether two intervals are apart: only then does the page say one order did better. */
export const apart = (a: Interval, b: Interval): boolean => a.low > b.high || b.low > a.high;

/**
 * Newcombe's hybrid score interval (his method 10) for the difference of two independent shares
 * `a − b`: built from each share's Wilson interval, so it stays inside [−1, 1] and behaves for small n.
 */
export function newcombeDiff(hitsA: number, nA: number, hitsB: number, nB: number): Interval {
  const a = wilson(hitsA, nA), b = wilson(hitsB, nB);
  const d = a.value - b.value;
  return { value: d, low: d - Math.hypot(a.value - a.low, b.high - b.value), high: d + Math.hypot(a.high - a.value, b.value - b.low) };
}
