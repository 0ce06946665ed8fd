import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * The process's resident set and CPU time (all threads, DuckDB's included) sampled every
 * INTERVAL_MS by a worker thread, so a stage's peak and CPU can be read for any time window,
 * even one the trainer does not time itself (writing the model).
 */
const INTERVAL_MS = 100;
const CAPACITY = 200_000;

const SOURCE = `
const { workerData } = require('node:worker_threads');
const buf = new Float64Array(workerData.buffer);
const cap = workerData.capacity;
const take = () => {
  const n = buf[0];
  if (n >= cap) return;
  const c = process.cpuUsage();
  buf[1 + 3 * n] = performance.timeOrigin + performance.now();
  buf[2 + 3 * n] = process.memoryUsage.rss();
  buf[3 + 3 * n] = (c.user + c.system) / 1e6;
  buf[0] = n + 1;
};
take();
setInterval(take, ${INTERVAL_MS});
`;

export interface Window {
  peakRssMiB: number;
  cpuSeconds: number;
}

export class Sampler {
  private readonly buf = new Float64Array(new SharedArrayBuffer(8 * (1 + 3 * CAPACITY)));
  private readonly worker = new Worker(SOURCE, { eval: true, workerData: { buffer: this.buf.buffer, capacity: CAPACITY } });

  constructor() {
    this.worker.unref();
  }

  /** Peak RSS and CPU seconds between two epoch-millisecond times (CPU to sampling resolution). */
  window(from: number, to: number): Window {
    let peak = 0;
    let first: number | undefined;
    let last: number | undefined;
    for (let i = 0; i < this.buf[0]!; i++) {
      const t = this.buf[1 + 3 * i]!;
      if (t < from - INTERVAL_MS || t > to + INTERVAL_MS) continue;
      peak = Math.max(peak, this.buf[2 + 3 * i]!);
      first ??= this.buf[3 + 3 * i]!;
      last = this.buf[3 + 3 * i]!;
    }
    return { peakRssMiB: peak / 1048576, cpuSeconds: first !== undefined && last !== undefined ? last - first : 0 };
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** The process's resident-set high-water mark (Linux VmHWM), in MiB; undefined elsewhere. */
export function highWaterMiB(): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
