/**
 * Living-interests benchmark: `npm run bench:interests -- [--shoppers 100] [--interactions 40]
 *   [--data /work/shared/datasets/beauty] [--users 1000] [--drift-shoppers 50]`
 *
 * 1. On-device learning: simulated shoppers with hidden tastes, learning vs the same model
 *    frozen (tools/bench/interests-sim.ts); also the learner's step time (plain JS on every backend).
 * 2. Diversity λ sweep on a dataset slice: accuracy vs intra-list diversity and coverage
 *    (tools/bench/interests-diversity.ts).
 * 3. A drifting shopper under decay / session-boost settings (tools/bench/interests-drift.ts).
 * Prints Markdown; writes the numbers to tools/bench/out/interests.json. No network.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { numberArg, parseArgs } from '../train/args.js';
import { makeCatalogue, simulate, type SimResult } from './interests-sim.js';
import { diversitySweep } from './interests-diversity.js';
import { drift } from './interests-drift.js';

const args = parseArgs(process.argv.slice(2));
const shoppers = numberArg(args, 'shoppers') ?? 100;
const interactions = numberArg(args, 'interactions') ?? 40;
const data = args.data ?? '/work/shared/datasets/beauty';
const users = numberArg(args, 'users') ?? 1000;
const driftShoppers = numberArg(args, 'drift-shoppers') ?? 50;
const started = performance.now();
const f3 = (x: number) => x.toFixed(3);
const out: Record<string, unknown> = { date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}` };

console.log(`# Living interests — ${out.date as string}, ${out.machine as string}\n`);

// 1. Learning vs frozen.
const cat = makeCatalogue();
const frozen = await simulate(cat, { shoppers, interactions, learn: false });
const learning = await simulate(cat, { shoppers, interactions, learn: true });
const BUCKET = 10;
const bucket = (r: SimResult, a: Float64Array, s: number) => a.slice(s, Math.min(interactions, s + BUCKET)).reduce((x, y) => x + y, 0) / Math.min(BUCKET, interactions - s) / r.shoppers;
console.log(`## 1. On-device learning: ${shoppers} simulated shoppers × ${interactions} interactions (24-item lists, top 8 seen)\n`);
console.log('| interactions | MRR frozen | MRR learning | HR@1 frozen | HR@1 learning | HR@5 frozen | HR@5 learning |');
console.log('|---|---|---|---|---|---|---|');
const sim: unknown[] = [];
for (let s = 0; s < interactions; s += BUCKET) {
  const row = { from: s + 1, to: Math.min(interactions, s + BUCKET), mrr: [bucket(frozen, frozen.rr, s), bucket(learning, learning.rr, s)], hr1: [bucket(frozen, frozen.hit1, s), bucket(learning, learning.hit1, s)], hr5: [bucket(frozen, frozen.hit5, s), bucket(learning, learning.hit5, s)] };
  sim.push(row);
  console.log(`| ${row.from}–${row.to} | ${f3(row.mrr[0]!)} | ${f3(row.mrr[1]!)} | ${f3(row.hr1[0]!)} | ${f3(row.hr1[1]!)} | ${f3(row.hr5[0]!)} | ${f3(row.hr5[1]!)} |`);
}
const quantiles = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { median: q(0.5), p95: q(0.95), p99: q(0.99), max: q(1) };
};
const wall = quantiles(learning.stepMs);
const cpu = quantiles(learning.stepCpuMs);
const steps = { count: learning.stepMs.length, perInteraction: learning.stepMs.length / (shoppers * interactions), wall, cpu, pairsPerStep: learning.pairsPerStep.reduce((a, b) => a + b, 0) / Math.max(1, learning.pairsPerStep.length) };
out.learning = { shoppers, interactions, buckets: sim, steps };
const ms = (x: { median: number; p95: number; p99: number; max: number }) => `median ${x.median.toFixed(2)}, p95 ${x.p95.toFixed(2)}, p99 ${x.p99.toFixed(2)}, max ${x.max.toFixed(2)} ms`;
console.log(`\nLearner steps (plain JS, the same on webgpu/webgl/wasm/cpu; budget 5 ms): ${steps.count} steps, ${steps.perInteraction.toFixed(1)} per interaction, ${steps.pairsPerStep.toFixed(0)} pair updates per step. Wall: ${ms(wall)}. CPU of this process: ${ms(cpu)}.\n`);

// 2. Diversity sweep.
if (existsSync(data)) {
  const lambdas = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
  const sweep = await diversitySweep(data, users, lambdas);
  out.diversity = sweep;
  console.log(`## 2. Diversity λ sweep: ${sweep.name}, ${sweep.users} users, sampled protocol (1 + 99), zero-training model\n`);
  console.log('| λ | HR@10 | NDCG@10 | ILD@10 | coverage |');
  console.log('|---|---|---|---|---|');
  for (const p of sweep.points) console.log(`| ${p.lambda} | ${f3(p.hr10)} | ${f3(p.ndcg10)} | ${f3(p.ild10)} | ${f3(p.coverage)} |`);
  console.log('');
} else {
  console.log(`## 2. Diversity λ sweep: skipped (${data} not found)\n`);
}

// 3. Drift.
const clicks = 6;
const drifted = await drift(driftShoppers, clicks);
out.drift = { shoppers: driftShoppers, settings: drifted };
console.log(`## 3. Skincare fan drifting to makeup, ${driftShoppers} shoppers: after k makeup clicks today, makeup share of the top 10 / place of the first makeup item (list: 40 unseen skincare + 40 unseen makeup)\n`);
console.log(`| setting | ${Array.from({ length: clicks }, (_, k) => `k=${k + 1}`).join(' | ')} |`);
console.log(`|---|${'---|'.repeat(clicks)}`);
for (const d of drifted) console.log(`| ${d.name} | ${d.share.map((x, k) => `${x.toFixed(2)} / ${d.firstMakeup[k]!.toFixed(1)}`).join(' | ')} |`);

out.seconds = (performance.now() - started) / 1000;
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(new URL('./out/interests.json', import.meta.url), JSON.stringify(out, null, 2));
console.log(`\n${(out.seconds as number).toFixed(0)} s; numbers in tools/bench/out/interests.json`);
