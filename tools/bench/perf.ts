/**
 * Performance benchmark (issue 8): `npm run bench:perf` (builds dist/ first).
 * Headless Debian chromium, pages served from a real 127.0.0.1 server, the built dist/ files.
 * Writes tools/bench/out/perf/results.json and results.md (the tables pasted into BENCHMARKS.md).
 *
 *   tsx tools/bench/perf.ts [--quick] [--only=latency,baseline,cold,main,memory,sizes] [--backends=auto,wasm,…] [--dist=path] [--no-guard]
 *
 * A benchmark, not a test: compare figures as ratios within one run, this 2-core machine is
 * noisy. The guard (perf/guard.ts) prints each Hearth latency figure as a ratio to the same run's
 * main-thread JS baseline and exits 1 when one is over its limit in perf/ratio-limits.json
 * (`--no-guard` or HEARTH_BENCH_NO_GUARD=1: print only). Not run in CI: noise must not fail CI.
 * Re-run it whenever ranking code changes.
 *
 * This file sequences the sections; each measurement is a module of tools/bench/perf/:
 * shop-page.ts (main), cold.ts, memory.ts, baseline.ts, rerank.ts (latency), sizes.ts;
 * site.ts serves the pages, browser.ts starts them, results.ts is the shape of the output,
 * guard.ts checks the ratios.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH } from '../../test/support/chromium.js';
import type { TrackEvent } from '../../src/core/types.js';
import { runBaseline } from './perf/baseline.js';
import { CHROMIUM_ARGS } from './perf/browser.js';
import { runCold } from './perf/cold.js';
import { catalogue, history } from './perf/data.js';
import { checkRatios, guardSummary, guardTable } from './perf/guard.js';
import { runMemory } from './perf/memory.js';
import { HISTORIES, args, distArg, guardEnforced, runs } from './perf/options.js';
import { runLatency } from './perf/rerank.js';
import { renderMarkdown } from './perf/report.js';
import type { Results } from './perf/results.js';
import { runMain } from './perf/shop-page.js';
import { serveSnapshot } from './perf/site.js';
import { measureSizes } from './perf/sizes.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = resolve(root, 'tools/bench/out/perf');

function emptyResults(): Results {
  return {
    date: new Date().toISOString(),
    machine: `${process.arch}, node ${process.version}`,
    command: `npm run bench:perf${args.length ? ` -- ${args.join(' ')}` : ''}`,
    ready: [],
    latency: [],
    afterTrack: [],
    baseline: [],
    cold: [],
    memory: [],
    sizes: [],
    notes: [],
  };
}

/** Runs one section unless --only leaves it out; a failure is logged and noted, and the run goes on. */
async function section(results: Results, name: string, fn: () => Promise<void>): Promise<void> {
  if (!runs(name)) return;
  const t = Date.now();
  console.log(`${name}…`);
  try {
    await fn();
  } catch (err) {
    console.error(`${name} failed:`, err);
    results.notes.push(`${name} failed: ${String(err).slice(0, 300)}`);
  }
  console.log(`${name}: ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

async function main() {
  await mkdir(outDir, { recursive: true });
  const now = Date.now();
  const products = catalogue(2_000);
  const histories = Object.fromEntries(HISTORIES.map((h) => [h, history(products, h, now, h)])) as Record<number, TrackEvent[]>;
  const results = emptyResults();
  const site = await serveSnapshot(root, outDir, distArg);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  results.machine += `, chromium ${browser.version()}`;
  const started = Date.now();
  try {
    await section(results, 'sizes', async () => void (results.sizes = await measureSizes(site.dir)));
    await section(results, 'main', () => runMain(browser, site.origin, results));
    await section(results, 'cold', () => runCold(browser, site.origin, site.modelDir, results));
    await section(results, 'memory', () => runMemory(browser, site.origin, products, histories[200]!, results));
    await section(results, 'baseline', () => runBaseline(browser, site.origin, products, histories, now, results));
    await section(results, 'latency', () => runLatency(browser, site.origin, products, histories, results));
  } finally {
    await browser.close();
    await site.close();
  }
  console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  results.guard = await checkRatios(results, guardEnforced);
  console.log(['', ...guardTable(results.guard), '', guardSummary(results.guard)].join('\n'));
  await writeFile(resolve(outDir, 'results.json'), JSON.stringify(results, null, 2));
  await writeFile(resolve(outDir, 'results.md'), renderMarkdown(results));
  console.log(`wrote ${resolve(outDir, 'results.md')}`);
  if (results.guard.enforced && results.guard.over > 0) process.exitCode = 1;
}

await main();
