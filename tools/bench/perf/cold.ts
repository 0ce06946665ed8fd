/**
 * Cold and warm start (tools/bench/pages/cold.html, 100 candidates): a first visit (load →
 * 5 clicks → first personalised rerank) and a return visit (history, and weights, from
 * IndexedDB), per backend and with a site-trained-sized model fetched from the network.
 */
import type { Browser, Page } from '@playwright/test';
import { newPage, type BenchWindow } from './browser.js';
import { quick } from './options.js';
import type { Results } from './results.js';
import { summarise } from './stats.js';
import { writeSyntheticModel } from './synthetic-model.js';

interface Variant {
  backend: string;
  model?: string;
}

const VARIANTS: Variant[] = [{ backend: 'auto' }, { backend: 'wasm' }, { backend: 'cpu' }, { backend: 'webgl' }, { backend: 'webgpu' }, { backend: 'auto', model: '/tools/bench/out/perf/model/model.json' }];

/** What cold.html reports on `window.coldResult` (ms since navigation start). */
interface Visit {
  script: number;
  firstRank: number;
  ready: number;
  personalised: boolean;
  rankBackend: string;
  backend: string;
  fallback: boolean;
}

type Mode = 'first' | 'return';

async function visit(page: Page, origin: string, backend: string, mode: Mode, model?: string): Promise<Visit> {
  const q = new URLSearchParams({ backend, db: 'cold', mode, ...(model ? { model } : {}) });
  await page.goto(`${origin}/tools/bench/pages/cold.html?${q}`);
  return (await page.waitForFunction(() => (window as unknown as BenchWindow).coldResult, undefined, { timeout: 60_000 }).then((h) => h.jsonValue())) as Visit;
}

/** `trials` fresh contexts (empty IndexedDB and HTTP cache, as on a first visit), each a first then a return visit. */
async function trialsOf(browser: Browser, origin: string, v: Variant, trials: number) {
  const samples = (): Record<Mode, number[]> => ({ first: [], return: [] });
  const firstRank = samples();
  const share = samples();
  const ready = samples();
  let allPersonalised = true;
  let got = '';
  for (let t = 0; t < trials; t++) {
    const page = await newPage(browser);
    for (const mode of ['first', 'return'] as const) {
      const r = await visit(page, origin, v.backend, mode, v.model);
      firstRank[mode].push(r.firstRank);
      share[mode].push(r.firstRank - r.script);
      ready[mode].push(r.ready);
      allPersonalised &&= r.personalised && !r.fallback;
      // The first rank may be scored by the plain-JS bridge before the tfjs backend takes over.
      got = r.rankBackend === r.backend ? r.backend : `${r.rankBackend} → ${r.backend}`;
    }
    await page.context().close();
  }
  return { firstRank, share, ready, allPersonalised, got };
}

export async function runCold(browser: Browser, origin: string, modelDir: string, results: Results): Promise<void> {
  const trials = quick ? 2 : 5;
  const model = await writeSyntheticModel(modelDir);
  // One discarded trial first: a just-launched browser's first contexts are slower, which would
  // otherwise count against whichever variant runs first.
  const warm = await newPage(browser);
  for (const mode of ['first', 'return'] as const) await visit(warm, origin, 'auto', mode);
  await warm.context().close();
  for (const v of VARIANTS) {
    const { firstRank, share, ready, allPersonalised, got } = await trialsOf(browser, origin, v, trials);
    const label = v.model ? `${v.backend} + site model (${model.megabytes.toFixed(1)} MB)` : v.backend;
    results.cold.push({ variant: 'first visit: load → 5 clicks → first personalised rerank' + (v.model ? ' (weights from network)' : ''), visit: 'first', siteModel: !!v.model, backend: label, trials, firstRank: summarise(firstRank.first), sinceScript: summarise(share.first), ready: summarise(ready.first), allPersonalised, got });
    results.cold.push({ variant: 'return visit: load → first personalised rerank (history' + (v.model ? ' and weights' : '') + ' from IndexedDB)', visit: 'return', siteModel: !!v.model, backend: label, trials, firstRank: summarise(firstRank.return), sinceScript: summarise(share.return), ready: summarise(ready.return), allPersonalised, got });
    const p50 = (a: number[]) => summarise(a).p50.toFixed(0);
    console.log(`  cold ${label}: first visit p50 ${p50(firstRank.first)} ms (${p50(share.first)} after the page's script), return visit p50 ${p50(firstRank.return)} ms (${p50(share.return)}) (${got})`);
  }
}
