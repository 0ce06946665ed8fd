/**
 * `npm run bench:scale -- --size S|M|L [--format parquet|ndjson] [--keep DIR] [--shop-seed N] [trainer flags…]`
 *
 * Generates the synthetic shop (generate.ts; cached by size and seed in tools/bench/out/scale/,
 * or in DIR with --keep), trains it with the real trainer (`trainFromArgs`, as `npm run train
 * -- --events … --catalog …` does; every flag this command does not know goes to the trainer
 * unchanged, e.g. --epochs) and prints per stage wall time, CPU time, peak RSS and rows per
 * second, the model's bytes, and the trainer's held-out HR@10 / NDCG@10 against PopRec.
 * Writes the same as scale-report.json beside the model.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from '../../train/args.js';
import { exitOnDataError } from '../../train/data-args.js';
import { trainFromArgs } from '../../train/train-run.js';
import type { ShopReport } from '../../shop/report-types.js';
import { generateShop } from './generate.js';
import { highWaterMiB, Sampler } from './sampler.js';
import { isScaleSize, SCALE_SIZES } from './sizes.js';
import { accuracyTable, stageRows, stageTable, type StageRow } from './table.js';

const OWN = ['size', 'format', 'keep', 'shop-seed'];
const args = parseArgs(process.argv.slice(2));
const size = args.size ?? 'S';
const format = args.format ?? 'parquet';
if (!isScaleSize(size) || (format !== 'parquet' && format !== 'ndjson')) {
  console.error('usage: npm run bench:scale -- --size S|M|L [--format parquet|ndjson] [--keep DIR] [--shop-seed N] [trainer flags, e.g. --epochs 3]');
  process.exit(2);
}
const seed = Number(args['shop-seed'] ?? 1);
const dir = args.keep ?? path.join('tools/bench/out/scale', `${size}-seed${seed}`);
const sampler = new Sampler();

const t0 = performance.now();
const c0 = process.cpuUsage();
const t0Epoch = performance.timeOrigin + t0;
const shop = await generateShop({ ...SCALE_SIZES[size], seed }, dir, format === 'parquet');
const genWall = (performance.now() - t0) / 1000;
const genCpu = process.cpuUsage(c0);
const gen: StageRow = {
  stage: shop.generatedNow ? 'generate (+ Parquet)' : 'generate (cached: Parquet only, if made now)',
  wallSeconds: genWall,
  cpuSeconds: (genCpu.user + genCpu.system) / 1e6,
  peakRssMiB: sampler.window(t0Epoch, performance.timeOrigin + performance.now()).peakRssMiB,
  rows: shop.rows,
  rowsWhat: 'events',
};

/** Elapsed wall and CPU seconds and RSS on each trainer line, so a run cut short still shows where it was. */
const progress = () => {
  const c = process.cpuUsage(c0);
  return `${((performance.now() - t0) / 1000).toFixed(0)} s, CPU ${((c.user + c.system) / 1e6).toFixed(0)} s, RSS ${(process.memoryUsage.rss() / 1048576).toFixed(0)} MiB`;
};
const out = path.join(dir, `model-${format}`);
const trainerArgs = Object.fromEntries(Object.entries(args).filter(([k]) => !OWN.includes(k)));
const events = format === 'parquet' ? shop.parquet! : shop.ndjson;
await trainFromArgs({ ...trainerArgs, events, catalog: shop.feed, out }, (l) => console.error(`  train [${progress()}]: ${l}`)).catch(exitOnDataError);
const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as ShopReport;
const rows = [gen, ...stageRows(report, sampler, shop)];
await sampler.close();
const modelBytes = report.model.jsonBytes + report.model.binBytes;
const hwm = highWaterMiB();

console.log(`\n## bench:scale ${size} (${shop.rows.toLocaleString('en-US')} events, ${shop.shoppers.toLocaleString('en-US')} shoppers, ${shop.items.toLocaleString('en-US')} SKUs, seed ${seed}, ${format})\n`);
console.log(stageTable(rows));
console.log(`\nmodel: ${report.model.rows.toLocaleString('en-US')} rows × ${report.model.dims} dims, model.json ${report.model.jsonBytes.toLocaleString('en-US')} B + model.bin ${report.model.binBytes.toLocaleString('en-US')} B = ${(modelBytes / 1048576).toFixed(2)} MiB; best epoch ${report.model.bestEpoch}`);
console.log(`sequences: ${report.input.sequences.shoppers.toLocaleString('en-US')} shoppers (${report.input.sequences.usable.toLocaleString('en-US')} with 2+ steps), ${report.input.sequences.steps.toLocaleString('en-US')} steps`);
console.log(`process peak RSS (VmHWM): ${hwm === undefined ? 'n/a' : hwm.toFixed(0) + ' MiB'}; CPU times are the whole process (DuckDB runs in it)\n`);
const training = (JSON.parse(readFileSync(path.join(out, 'model.json'), 'utf8')) as { training?: { valid?: Record<string, number>; nextItems?: Array<{ gamma: number; hr10: number; ndcg10: number }> } }).training;
const v = training?.valid;
const best = training?.nextItems?.reduce((a, b) => (b.ndcg10 > a.ndcg10 ? b : a));
if (v) console.log(`validation (the trainer's, chosen epoch): full HR@10 ${v.hr10?.toFixed(4)} NDCG@10 ${v.ndcg10?.toFixed(4)}, sampled HR@10 ${v.sampledHr10?.toFixed(4)} NDCG@10 ${v.sampledNdcg10?.toFixed(4)}${best ? `; with went-on-to lists (best NDCG@10 of the strengths the trainer tried: ${best.gamma}): full HR@10 ${best.hr10.toFixed(4)} NDCG@10 ${best.ndcg10.toFixed(4)}` : ''}`);
console.log(`held out (the last step, the report's shoppers):\n`);
console.log(accuracyTable(report));
writeFileSync(path.join(out, 'scale-report.json'), JSON.stringify({ size, seed, format, shop, stages: rows, modelBytes, vmHwmMiB: hwm, trainerArgs, validation: training, evaluation: report.evaluation, sequences: report.input.sequences }, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v), 1));
