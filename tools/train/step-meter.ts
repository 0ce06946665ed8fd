import type { BatchWork } from './batch-work.js';
import type { MatMul } from './matmul.js';

/**
 * The training step's arithmetic throughput beside a same-shape matrix product timed in the same
 * run. Multiply-adds are counted from each batch's shapes: the three S × N × d products (scores,
 * history-row gradients, negatives' gradients) and the S × d positive dot products; the rest
 * (exp, fold, scatter, Adam) is work the count leaves out. Every `probeEvery`-th batch also times
 * the run's own matMul on that batch's score shape (S × d · d × N, pure: the state is untouched),
 * so both figures see the same machine load. Wall time: on a shared machine the ratio is the
 * figure to read, not either rate alone.
 */
export interface Throughput {
  /** Multiply-adds per second over the step's wall time (all five phases). */
  stepMacsPerSec: number;
  /** Multiply-adds per second of the same-shape product alone. */
  matMulMacsPerSec: number;
  /** stepMacsPerSec / matMulMacsPerSec. */
  ratio: number;
  batches: number;
  /** Mean history rows per batch (S), the products' first dimension; N negatives; d dims. */
  meanRows: number;
  N: number;
  d: number;
}

export const batchMacs = (S: number, N: number, d: number): number => 3 * S * N * d + S * d;

export class StepMeter {
  private macs = 0;
  private ms = 0;
  private rows = 0;
  private batches = 0;
  private probeMacs = 0;
  private probeMs = 0;
  private N = 0;
  private d = 0;
  constructor(private readonly probeEvery = 16) {}

  /** Records one finished batch of `ms` wall time; every probeEvery-th, times one score-shaped product. */
  batch(w: BatchWork, ms: number, matMul: MatMul): void {
    this.macs += batchMacs(w.S, w.N, w.d);
    this.ms += ms;
    this.rows += w.S;
    this.N = w.N;
    this.d = w.d;
    if (this.batches++ % this.probeEvery !== 0 || w.S === 0) return;
    const t = performance.now();
    matMul(w.Qall.subarray(0, w.S * w.d), w.S, w.d, w.TnegT, w.N);
    this.probeMs += performance.now() - t;
    this.probeMacs += w.S * w.d * w.N;
  }

  /** The figures so far, and a fresh start for the next epoch. */
  take(): Throughput {
    const step = this.ms > 0 ? (this.macs / this.ms) * 1000 : 0;
    const mm = this.probeMs > 0 ? (this.probeMacs / this.probeMs) * 1000 : 0;
    const out = { stepMacsPerSec: step, matMulMacsPerSec: mm, ratio: mm > 0 ? step / mm : 0, batches: this.batches, meanRows: this.batches ? this.rows / this.batches : 0, N: this.N, d: this.d };
    this.macs = this.ms = this.rows = this.batches = this.probeMacs = this.probeMs = 0;
    return out;
  }
}

/** One log line: "step 4.10 GMAC/s, same-shape matMul 5.90 GMAC/s (0.70 of it; 2141 × 64 · 64 × 1024)". */
export function throughputLine(t: Throughput): string {
  const g = (x: number) => (x / 1e9).toFixed(2);
  return `step ${g(t.stepMacsPerSec)} GMAC/s, same-shape matMul ${g(t.matMulMacsPerSec)} GMAC/s (${t.ratio.toFixed(2)} of it; ${t.meanRows.toFixed(0)} × ${t.d} · ${t.d} × ${t.N})`;
}
