/**
 * Where a worker rerank's time goes, stage by stage, in headless Chromium through the public
 * API (the bench:perf page, histories and catalogue), from the debug stamps of
 * `src/core/timings.ts`; with `--profile`, the worker's CPU profile over the same ranks (self
 * time by function). Builds nothing: run `npm run build` first.
 *
 *   npx tsx tools/bench/rank-path.ts [--iters=200] [--sizes=100,1000] [--histories=50,10000] [--profile] [--dist=path]
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_PATH } from '../../test/support/chromium.js';
import { CHROMIUM_ARGS, openPerfPage, type BenchWindow } from './perf/browser.js';
import { catalogue, history } from './perf/data.js';
import { populate } from './perf/rerank.js';
import { serveSnapshot } from './perf/site.js';
import { ms, summarise } from './perf/stats.js';
import { stageSamples, type Stamps } from './rank-path/stages.js';
import { attachWorker, selfTime, type CpuProfile } from './rank-path/worker-cdp.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const iters = Number(arg('iters', '200'));
const sizes = arg('sizes', '100,1000').split(',').map(Number);
const histories = arg('histories', '50,10000').split(',').map(Number);
const profile = process.argv.includes('--profile');

/** Starts Hearth on `dbName` (auto backend), waits for tfjs, turns the stamps on on both sides. */
async function start(page: Page, dbName: string): Promise<string> {
  const got = await page.evaluate(async (dbName) => {
    const w = window as unknown as BenchWindow;
    w.hearth = w.H.createHearth({ dbName, timeoutMs: 60_000 });
    return (await w.hearth.ready()).backend;
  }, dbName);
  const worker = page.workers().find((x) => x.url().includes('hearth.worker'));
  if (!worker) throw new Error('no Hearth worker');
  await worker.evaluate(() => ((globalThis as { HEARTH_TIMINGS?: unknown }).HEARTH_TIMINGS = []));
  await page.evaluate(() => ((globalThis as { HEARTH_TIMINGS?: unknown }).HEARTH_TIMINGS = []));
  return got;
}

/**
 * `iters` reranks of the first `n` products after 3 unrecorded ones; the stamps of both sides, the
 * outer round trips, and after each rank an empty comlink round trip (`ping`) to a second, bare
 * copy of hearth.worker.js: what the two thread hops cost on this machine in the same run.
 */
async function ranks(page: Page, n: number): Promise<{ page: Stamps[]; worker: Stamps[]; outer: number[]; empty: number[] }> {
  const worker = page.workers().find((x) => x.url().includes('hearth.worker'))!;
  const clear = () => ((globalThis as { HEARTH_TIMINGS?: unknown[] }).HEARTH_TIMINGS!.length = 0);
  await page.evaluate(async (n) => {
    const w = window as unknown as BenchWindow;
    const items = w.products!.slice(0, n);
    for (let i = 0; i < 3; i++) await w.hearth!.rank(items, { timeoutMs: 60_000 });
  }, n);
  await page.evaluate(clear);
  await worker.evaluate(clear);
  const samples = await page.evaluate(
    async ({ n, iters }) => {
      const w = window as unknown as BenchWindow;
      const items = w.products!.slice(0, n);
      const bare = new Worker('/dist/hearth.worker.js');
      const api = w.Comlink.wrap<{ ping(): Promise<boolean> }>(bare);
      for (let i = 0; i < 3; i++) await api.ping();
      const out: number[] = [];
      const empty: number[] = [];
      for (let i = 0; i < iters; i++) {
        const t0 = performance.now();
        await w.hearth!.rank(items, { timeoutMs: 60_000 });
        const t1 = performance.now();
        await api.ping();
        empty.push(performance.now() - t1);
        out.push(t1 - t0);
      }
      bare.terminate();
      return { out, empty };
    },
    { n, iters },
  );
  const pageStamps = await page.evaluate(() => (globalThis as { HEARTH_TIMINGS?: Stamps[] }).HEARTH_TIMINGS!.splice(0));
  const workerStamps = await worker.evaluate(() => (globalThis as { HEARTH_TIMINGS?: Stamps[] }).HEARTH_TIMINGS!.splice(0));
  return { page: pageStamps, worker: workerStamps, outer: samples.out, empty: samples.empty };
}

async function main() {
  const outDir = resolve(root, 'tools/bench/out/rank-path');
  await mkdir(outDir, { recursive: true });
  const products = catalogue(2_000);
  const site = await serveSnapshot(root, outDir, arg('dist', 'dist'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const page = await openPerfPage(browser, site.origin, products);
  for (const h of histories) await populate(page, `path-h${h}`, history(products, h, Date.now(), h));
  for (const h of histories) {
    const got = await start(page, `path-h${h}`);
    for (const n of sizes) {
      const cdp = profile ? await attachWorker(browser, 'hearth.worker') : undefined;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      const r = await ranks(page, n);
      const stages = stageSamples(r.page, r.worker);
      const backends = [...new Set(r.worker.map((s) => s.backend))].join(',');
      console.log(`\n${n} candidates × ${h} events, auto (${got}; scored by ${backends}), ${r.outer.length} ranks; outer round trip p50 ${ms(summarise(r.outer).p50)} p99 ${ms(summarise(r.outer).p99)} ms; empty comlink round trip (ping, bare worker) p50 ${ms(summarise(r.empty).p50)} p99 ${ms(summarise(r.empty).p99)} ms`);
      console.log('| stage | p50 | mean | p99 |\n|---|---:|---:|---:|');
      for (const s of stages) {
        const q = summarise(s.samples);
        console.log(`| ${s.stage} | ${ms(q.p50)} | ${ms(q.mean)} | ${ms(q.p99)} |`);
      }
      if (cdp) {
        const { profile: p } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
        console.log('worker self time (CPU profile):');
        for (const f of selfTime(p, 20, resolve(site.dir, 'dist'))) console.log(`  ${(f.share * 100).toFixed(1).padStart(5)}%  ${ms(f.ms).padStart(7)} ms  ${f.fn}`);
        await cdp.detach();
      }
    }
    await page.evaluate(async () => {
      const w = window as unknown as BenchWindow;
      await w.hearth?.close();
      delete w.hearth;
    });
  }
  await browser.close();
  await site.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
