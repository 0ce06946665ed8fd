import { Worker } from 'node:worker_threads';

/**
 * Time and peak memory per stage of a run, for the report. Memory is the process's resident set
 * (`process.memoryUsage().rss`, DuckDB's native memory and worker threads included), sampled
 * every 50 ms by a worker thread so that long synchronous training is sampled too.
 */
export interface StageFact {
  name: string;
  seconds: number;
  peakRssMiB: number;
  /** Process CPU time (all threads: DuckDB's and the trainer's workers included). */
  cpuSeconds: number;
  /** Epoch milliseconds at the start, so a caller can line stages up with its own samples. */
  startedAt: number;
}

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const peak = new Float64Array(workerData);
setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; }, 50);
`;

export class Stages {
  readonly done: StageFact[] = [];
  private readonly peak = new Float64Array(new SharedArrayBuffer(8));
  private readonly sampler: Worker;

  constructor() {
    this.sampler = new Worker(SAMPLER, { eval: true, workerData: this.peak.buffer });
    this.sampler.unref();
  }

  async run<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    const cpu = process.cpuUsage();
    this.peak[0] = process.memoryUsage.rss();
    try {
      return await fn();
    } finally {
      const peak = Math.max(this.peak[0], process.memoryUsage.rss());
      const used = process.cpuUsage(cpu);
      this.done.push({ name, seconds: (performance.now() - started) / 1000, peakRssMiB: peak / 1048576, cpuSeconds: (used.user + used.system) / 1e6, startedAt: performance.timeOrigin + started });
    }
  }

  async close(): Promise<void> {
    await this.sampler.terminate();
  }
}
