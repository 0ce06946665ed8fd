export interface SequenceFacts {
  shoppers: number;
  /** Shoppers with two or more steps: the ones training and evaluation use. */
  usable: number;
  steps: number;
  length: { min: number; median: number; p90: number; max: number; mean: number };
  /** Shoppers by sequence length bucket. */
  histogram: Record<string, number>;
}

const BUCKETS: Array<[string, number, number]> = [
  ['1', 1, 1],
  ['2', 2, 2],
  ['3-5', 3, 5],
  ['6-10', 6, 10],
  ['11-20', 11, 20],
  ['21-50', 21, 50],
  ['51+', 51, Infinity],
];

export function sequenceFacts(sequences: readonly Int32Array[]): SequenceFacts {
  const lengths = sequences.map((s) => s.length).sort((a, b) => a - b);
  const q = (p: number) => lengths[Math.min(lengths.length - 1, Math.floor(p * lengths.length))] ?? 0;
  const steps = lengths.reduce((a, b) => a + b, 0);
  const histogram: Record<string, number> = {};
  for (const [name, lo, hi] of BUCKETS) histogram[name] = lengths.filter((l) => l >= lo && l <= hi).length;
  return {
    shoppers: lengths.length,
    usable: lengths.filter((l) => l >= 2).length,
    steps,
    length: { min: lengths[0] ?? 0, median: q(0.5), p90: q(0.9), max: lengths.at(-1) ?? 0, mean: lengths.length ? steps / lengths.length : 0 },
    histogram,
  };
}
