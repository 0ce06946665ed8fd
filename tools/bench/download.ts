/**
 * What a shopper downloads, and what the model costs the worker (issue 21: Download, Worker memory,
 * Rank cost): `npm run bench:download -- [--beauty-model <dir>] [--beauty-data <folder>] [--budget 1MiB] [--backend auto] [--ranks 1000] [--no-full]`
 *
 * Serves dist/ and the models from a real 127.0.0.1 server and drives headless chromium through
 * the public API: the site-trained Beauty model as trained (today's figure), an L-shaped model
 * (200k products, `download/l-model.ts`, random rows) cut to the budget (`npm run model:cut`'s
 * cut), and the L model uncut unless `--no-full`. Per model: bytes of the model the server sent
 * before the first personalised rank (its log), rerank-100 p50, worker heap over `--ranks` ranks.
 * Writes tools/bench/out/download/results.json. A benchmark, not a test: wall times on a shared
 * machine are noisy, compare the ratio within one run.
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH } from '../../test/support/chromium.js';
import { startStaticServer } from '../../test/support/static-server.js';
import type { Item, TrackEvent } from '../../src/core/types.js';
import { readDataset } from '../eval/dataset.js';
import { numberArg, parseArgs } from '../train/args.js';
import { parseBytes } from '../train/head-weights.js';
import { writeCutModel, writeModel } from '../train/model-io.js';
import { CHROMIUM_ARGS } from './perf/browser.js';
import { lItem, lModel, L_SHAPE } from './download/l-model.js';
import { measureModel, type ModelRun } from './download/measure.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = resolve(root, 'tools/bench/out/download');
const args = parseArgs(process.argv.slice(2));
const budget = parseBytes(args.budget ?? '1MiB', 'budget');
const ranks = numberArg(args, 'ranks') ?? 1_000;
const backend = args.backend ?? 'auto';

const views = (items: Item[], now: number): TrackEvent[] => items.map((item, k) => ({ type: 'view', item, at: now - (items.length - k) * 60_000 }));

/** The site: dist/, the bench page, comlink and the models under /models/<name>/. */
type Run = { name: string; label?: string; history: TrackEvent[]; candidates: Item[] };

async function buildSite(site: string): Promise<Run[]> {
  await rm(site, { recursive: true, force: true });
  for (const sub of ['dist', 'tools/bench/pages', 'node_modules/comlink/dist/esm']) await cp(resolve(root, sub), resolve(site, sub), { recursive: true });
  const now = Date.now();
  const runs: Run[] = [];
  if (args['beauty-model']) {
    await cp(args['beauty-model'], resolve(site, 'models/beauty'), { recursive: true });
    const ds = readDataset(args['beauty-data'] ?? resolve(root, '../shared/datasets/beauty'), { limitUsers: 1 });
    const step = Math.floor(ds.items.length / 150);
    runs.push({ name: 'beauty', history: views(Array.from({ length: 50 }, (_, k) => ds.items[k * step * 3]!), now), candidates: Array.from({ length: 100 }, (_, k) => ds.items[k * step + 1]!) });
  }
  const lDir = resolve(outDir, 'l-model');
  const { model, itemWeights, featureWeights } = lModel();
  if (!existsSync(resolve(lDir, 'model.json'))) writeModel(lDir, model);
  const cut = writeCutModel(resolve(site, 'models/l-cut'), model, { itemWeights, featureWeights, budgetBytes: budget });
  console.log(`L cut: ${cut.cut.headItems} of ${cut.cut.items} id rows (${(cut.cut.interactionShare * 100).toFixed(1)} % of interactions), ${cut.cut.featureRows} of ${cut.cut.features} feature rows, ${cut.json + cut.bin} bytes`);
  const zipf = (k: number) => Math.floor(Math.pow(L_SHAPE.items, ((k * 37) % 50) / 50));
  const lRun = { history: views(Array.from({ length: 50 }, (_, k) => lItem(zipf(k))), now), candidates: Array.from({ length: 100 }, (_, k) => lItem(k * 1_999 + 3)) };
  runs.push({ name: 'l-cut', ...lRun });
  // Control: the same L candidates under the small Beauty table (every id and feature missing), so
  // the cost of the candidates' own features is told apart from the table's size.
  if (args['beauty-model']) runs.push({ name: 'beauty', ...lRun, label: 'beauty-model-l-items' });
  if (args['no-full'] !== 'true') {
    await cp(lDir, resolve(site, 'models/l-full'), { recursive: true });
    runs.push({ name: 'l-full', ...lRun });
  }
  return runs;
}

async function main() {
  const site = resolve(outDir, 'site');
  const runs = await buildSite(site);
  const server = await startStaticServer(site);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const results: ModelRun[] = [];
  try {
    for (const run of runs) {
      const r = await measureModel(browser, server, { ...run, name: run.label ?? run.name, modelPath: `/models/${run.name}/model.json`, backend, ranks, latencyIters: 200 }).catch((err: unknown) => {
        console.log(`${run.label ?? run.name}: failed: ${String(err).split('\n')[0]}`);
        return undefined;
      });
      if (!r) continue;
      results.push(r);
      console.log(`${r.name}: ${r.bytesBeforeFirstRank} B before the first rank (${r.requests.join(', ')}), backend ${r.backend}, rerank 100 p50 ${r.rerank100.p50.toFixed(2)} ms p95 ${r.rerank100.p95.toFixed(2)} ms (n ${r.rerank100.n}), worker heap MiB ${r.heapMiB.join(' → ')} over ${r.ranks} ranks`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const beauty = results.find((r) => r.name === 'beauty');
  for (const r of results) if (beauty && r !== beauty) console.log(`${r.name} rerank-100 p50 ÷ beauty's: ${(r.rerank100.p50 / beauty.rerank100.p50).toFixed(2)}`);
  await mkdir(outDir, { recursive: true });
  await writeFile(resolve(outDir, 'results.json'), JSON.stringify({ date: new Date().toISOString(), command: `npm run bench:download -- ${process.argv.slice(2).join(' ')}`, budget, backend, results }, null, 1));
}

await main();
