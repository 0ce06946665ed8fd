/** Percentiles by nearest rank on a sorted copy: p99 of 100 samples is the 99th smallest. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function summarise(samples: readonly number[]): Summary {
  const mean = samples.reduce((s, v) => s + v, 0) / Math.max(1, samples.length);
  return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), mean };
}

/** Milliseconds with a precision that suits the value. */
export function ms(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v < 0.1) return v.toFixed(3);
  if (v < 10) return v.toFixed(2);
  if (v < 100) return v.toFixed(1);
  return v.toFixed(0);
}
