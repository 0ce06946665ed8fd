/**
 * What bounds the cold start: bench:perf's cold page (tools/bench/pages/cold.html, 100
 * candidates; first visit = load → 5 clicks → first personalised rerank, then a return visit) in
 * fresh contexts with the debug stamps of `src/core/timings.ts` on, page and worker; prints the
 * median time since navigation start at which each step ended. Builds nothing: `npm run build` first.
 *
 *   npx tsx tools/bench/cold-path.ts [--trials=7] [--backend=auto] [--dist=path]
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_PATH } from '../../test/support/chromium.js';
import { CHROMIUM_ARGS, newPage, type BenchWindow } from './perf/browser.js';
import { serveSnapshot } from './perf/site.js';
import { ms, percentile } from './perf/stats.js';
import type { Stamps } from './rank-path/stages.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const trials = Number(arg('trials', '7'));
const backend = arg('backend', 'auto');

/** [label, record kind, stamp]: the steps in the order they usually end. */
const STEPS: Array<[string, string, string]> = [
  ['page: module script runs (dist/index.js loaded)', 'nav', 'script'],
  ['worker created (new Worker)', 'worker init', 'created'],
  ['worker: script fetched + evaluated', 'worker init', 'evaluated'],
  ['worker: init message handled', 'worker init', 'start'],
  ['worker: IndexedDB open', 'worker init', 'store'],
  ['worker: model chosen', 'worker init', 'model'],
  ['worker: events loaded, engine up', 'worker init', 'engine'],
  ['page: rank called', 'page rank', 'start'],
  ['page: request posted', 'page rank', 'posted'],
  ['worker: first clicks handled (track start)', 'worker track', 'start'],
  ['worker: rank handler starts', 'worker rank', 'start'],
  ['worker: scorer done (JS bridge)', 'worker rank', 'scoreEnd'],
  ['worker: result posted', 'worker rank', 'encoded'],
  ['page: first personalised rerank assembled', 'page rank', 'assembled'],
  ['worker: clicks stored in IndexedDB', 'worker track', 'stored'],
  ['worker: tfjs backend ready', 'worker init', 'backend'],
];

/** [label, from step, to step]. */
const SPANS: Array<[string, string, string]> = [
  ['span: worker created → script evaluated', 'worker created (new Worker)', 'worker: script fetched + evaluated'],
  ['span: init handled → IndexedDB open', 'worker: init message handled', 'worker: IndexedDB open'],
  ['span: rank handler → scorer done', 'worker: rank handler starts', 'worker: scorer done (JS bridge)'],
  ['span: init handled → first rerank assembled', 'worker: init message handled', 'page: first personalised rerank assembled'],
  // The page's own script starts when the host page lets it: Hearth's share is from there on.
  ['span: page script runs → first rerank assembled', 'page: module script runs (dist/index.js loaded)', 'page: first personalised rerank assembled'],
];

async function visit(page: Page, origin: string, mode: 'first' | 'return'): Promise<Record<string, number>> {
  const q = new URLSearchParams({ backend, db: 'cold', mode, keep: '1' });
  await page.goto(`${origin}/tools/bench/pages/cold.html?${q}`);
  const result = (await page.waitForFunction(() => (window as unknown as BenchWindow).coldResult, undefined, { timeout: 60_000 }).then((h) => h.jsonValue())) as { script: number };
  const worker = page.workers().find((w) => w.url().includes('hearth.worker'));
  const pageRecords = await page.evaluate(() => (globalThis as { HEARTH_TIMINGS?: Stamps[] }).HEARTH_TIMINGS ?? []);
  const workerRecords = worker ? await worker.evaluate(() => (globalThis as { HEARTH_TIMINGS?: Stamps[] }).HEARTH_TIMINGS ?? []) : [];
  const origin0 = await page.evaluate(() => performance.timeOrigin);
  const first = (kind: string) => [...pageRecords, ...workerRecords].find((r) => r.kind === kind);
  const out: Record<string, number> = {};
  for (const [label, kind, name] of STEPS) {
    const v = kind === 'nav' ? (name === 'script' ? result.script : NaN) : first(kind)?.[name];
    out[label] = kind === 'nav' ? (v as number) : typeof v === 'number' ? v - origin0 : NaN;
  }
  // Spans within one visit (a p50 of differences, not a difference of p50s).
  for (const [label, from, to] of SPANS) out[label] = out[to]! - out[from]!;
  return out;
}

async function main() {
  const outDir = resolve(root, 'tools/bench/out/cold-path');
  await mkdir(outDir, { recursive: true });
  const site = await serveSnapshot(root, outDir, arg('dist', 'dist'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const samples = { first: new Map<string, number[]>(), return: new Map<string, number[]>() };
  for (let t = 0; t <= trials; t++) {
    const page = await newPage(browser);
    await page.addInitScript(() => ((globalThis as { HEARTH_TIMINGS?: unknown }).HEARTH_TIMINGS = []));
    for (const mode of ['first', 'return'] as const) {
      const r = await visit(page, site.origin, mode);
      // The first trial warms the just-launched browser and is left out, as in bench:perf.
      if (t > 0) for (const [k, v] of Object.entries(r)) samples[mode].set(k, [...(samples[mode].get(k) ?? []), v]);
    }
    await page.context().close();
  }
  console.log(`cold start, ${backend}, ${trials} fresh contexts, p50 ms since navigation start\n`);
  console.log('| step ended | first visit | return visit |\n|---|---:|---:|');
  for (const [label] of [...STEPS, ...SPANS]) {
    const p = (m: 'first' | 'return') => ms(percentile((samples[m].get(label) ?? []).filter(Number.isFinite), 50));
    console.log(`| ${label} | ${p('first')} | ${p('return')} |`);
  }
  await browser.close();
  await site.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
