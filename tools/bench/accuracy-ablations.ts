/**
 * Ablations of the site-trained model, on the validation item only (never the test item):
 * `npx tsx tools/bench/accuracy-ablations.ts --data <folder> [--epochs 4] [--limit-users N] [--only name,name]`
 * Each variant trains on items before the validation item for a fixed number of epochs and is
 * scored with the trainer's own arithmetic (the engine's scorer up to a monotone transform) on
 * the full-ranking and sampled protocols.
 */
import { readDataset } from '../eval/dataset.js';
import { validationSet } from '../train/fit.js';
import { quickEvaluate } from '../train/quick-evaluate.js';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../train/train-config.js';
import { train } from '../train/trainer.js';
import { createTrainMatMul } from '../train/matmul-tf.js';
import { numberArg, parseArgs } from '../train/args.js';

const args = parseArgs(process.argv.slice(2));
if (!args.data) throw new Error('--data <folder> is required');
const limitUsers = numberArg(args, 'limit-users');
const ds = readDataset(args.data, limitUsers ? { limitUsers } : {});
const epochs = numberArg(args, 'epochs') ?? 4;
const mm = await createTrainMatMul('wasm');
const vset = validationSet(ds, numberArg(args, 'valid-users') ?? 2500);
const seqs = ds.sequences.map((s) => s.subarray(0, Math.max(0, s.length - 2)));
const base = DEFAULT_TRAIN_CONFIG;
// Earlier recipes are kept as variants, so the tables in BENCHMARKS.md reproduce row by row
// (`--only <name prefix>`): 'previous' is the second session's (bias row, constant lr 0.003),
// 'constant lr' the third session's first (no bias row, constant lr 0.003).
const constantLr: Partial<TrainConfig> = { lr: 0.003, lrDecay: 1 };
const previous: Partial<TrainConfig> = { ...constantLr, fields: { ...base.fields, bias: 1 } };
const variants: Record<string, Partial<TrainConfig>> = {
  full: {},
  'previous recipe (with a bias row)': previous,
  'previous, no attributes (id + bias only)': { ...previous, fields: { id: 1, bias: 1 } },
  'previous, no bias row': { ...previous, fields: { ...base.fields, bias: 0 } },
  'previous, no learned recency (fixed 0.8^k)': { ...previous, learnRecency: false },
  'previous, last item only (window 1)': { ...previous, window: 1 },
  'previous, window 10': { ...previous, window: 10 },
  'previous, 32 dims': { ...previous, dims: 32 },
  'previous, 64 negatives': { ...previous, negatives: 64 },
  'previous, 256 negatives': { ...previous, negatives: 256 },
  'constant lr, uniform negatives with logQ': { ...constantLr, logQ: true },
  'constant lr, half the negatives by popularity, with logQ': { ...constantLr, popularNegatives: 0.5, logQ: true },
  'constant lr 0.005': { lr: 0.005, lrDecay: 1 },
};
const only = args.only?.split(',');
console.log(`# ${ds.name}: ablations, ${epochs} epochs each, ${ds.sequences.length} users, validation item of ${vset.targets.length} users`);
console.log('| variant | full HR@10 | full NDCG@10 | sampled HR@10 | sampled NDCG@10 | train s |');
console.log('|---|---|---|---|---|---|');
for (const [name, over] of Object.entries(variants)) {
  if (only && !only.some((o) => name.startsWith(o))) continue;
  const t0 = performance.now();
  const config = { ...base, ...over, epochs };
  const st = train({ items: ds.items, sequences: seqs }, config, undefined, undefined, mm);
  const secs = (performance.now() - t0) / 1000;
  const v = quickEvaluate(st, ds.items.length, vset, mm);
  console.log(`| ${name} | ${v.full.hr[10]!.toFixed(4)} | ${v.full.ndcg[10]!.toFixed(4)} | ${v.sampled!.hr[10]!.toFixed(4)} | ${v.sampled!.ndcg[10]!.toFixed(4)} | ${secs.toFixed(0)} |`);
}
