/**
 * The trainer's arithmetic throughput beside the same-shape matrix product, in one run:
 *   npm run bench:train-throughput -- [--data <research folder>] [--limit-users N] [--epochs 1]
 * Trains the recipe (tfjs-wasm products, one thread) on the first N shoppers' items before their
 * validation item for the given epochs and reports the step's multiply-adds per second
 * (`tools/train/step-meter.ts` counts them from the shapes), then times the score product of the
 * mean batch shape (S × d · d × N) on plain JS, tfjs-cpu and tfjs-wasm, and gives the ratio of the
 * step to the best of them. Wall and CPU time both: the machine may be shared; the process has
 * one busy thread, so its CPU time is the work done. Results: BENCHMARKS.md › Trainer: throughput,
 * budget and warm start.
 */
import { readDataset } from '../eval/dataset.js';
import { numberArg, parseArgs } from '../train/args.js';
import { selectionSequences } from '../train/fit.js';
import { createTrainMatMul, type TrainBackend } from '../train/matmul-tf.js';
import { batchMacs, throughputLine, type Throughput } from '../train/step-meter.js';
import { DEFAULT_TRAIN_CONFIG } from '../train/train-config.js';
import { train } from '../train/trainer.js';

const args = parseArgs(process.argv.slice(2));
const ds = readDataset(args.data ?? '../shared/datasets/beauty', { limitUsers: numberArg(args, 'limit-users') ?? 1500 });
const config = { ...DEFAULT_TRAIN_CONFIG, epochs: numberArg(args, 'epochs') ?? 1 };
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
const G = (macs: number, ms: number) => (ms > 0 ? macs / ms / 1e6 : 0);

/** Trains the recipe on wasm; the last epoch's throughput and the whole run's step CPU figure. */
async function trainStep(): Promise<{ t: Throughput; cpuMacsPerSec: number }> {
  const matMul = await createTrainMatMul('wasm');
  let t: Throughput | undefined;
  let macs = 0;
  const c0 = process.cpuUsage();
  train({ items: ds.items, sequences: selectionSequences(ds) }, config, (ep) => {
    t = ep.throughput!;
    macs += batchMacs(t.meanRows, t.N, t.d) * t.batches;
  }, undefined, matMul);
  return { t: t!, cpuMacsPerSec: G(macs, cpuMs(process.cpuUsage(c0))) * 1e9 };
}

/** The product alone at shape S × d · d × N on one backend: median wall and mean CPU per product. */
async function product(kind: TrainBackend, S: number, d: number, N: number): Promise<{ kind: TrainBackend; wall: number; cpu: number }> {
  const matMul = await createTrainMatMul(kind);
  const a = Float32Array.from({ length: S * d }, (_, i) => Math.sin(i));
  const b = Float32Array.from({ length: d * N }, (_, i) => Math.cos(i));
  matMul(a, S, d, b, N);
  const reps = kind === 'wasm' ? 20 : 4;
  const walls: number[] = [];
  const c0 = process.cpuUsage();
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    matMul(a, S, d, b, N);
    walls.push(performance.now() - t);
  }
  const cpu = cpuMs(process.cpuUsage(c0)) / reps;
  return { kind, wall: walls.sort((x, y) => x - y)[Math.floor(reps / 2)]!, cpu };
}

const { t, cpuMacsPerSec } = await trainStep();
console.log(`${ds.name}, ${ds.sequences.length} shoppers, ${config.epochs} epoch(s): ${throughputLine(t)}`);
const S = Math.round(t.meanRows);
const macs = S * t.d * t.N;
const rows = [];
for (const kind of ['js', 'cpu', 'wasm'] as const) rows.push(await product(kind, S, t.d, t.N));
console.log(`\n| product ${S} × ${t.d} · ${t.d} × ${t.N} | median wall ms | GMAC/s (wall) | CPU ms | GMAC/s (CPU) |\n|---|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.kind} | ${r.wall.toFixed(2)} | ${G(macs, r.wall).toFixed(2)} | ${r.cpu.toFixed(2)} | ${G(macs, r.cpu).toFixed(2)} |`);
const best = rows.reduce((x, y) => (G(macs, y.cpu) > G(macs, x.cpu) ? y : x));
const bestCpu = G(macs, best.cpu);
console.log(`\nstep (CPU): ${(cpuMacsPerSec / 1e9).toFixed(2)} GMAC/s; best product (CPU, ${best.kind}): ${bestCpu.toFixed(2)} GMAC/s; ratio ${(cpuMacsPerSec / 1e9 / bestCpu).toFixed(2)} (target ≥ 0.33)`);
console.log(`step (wall, in-run probe of the trainer's own product): ratio ${t.ratio.toFixed(2)}`);
