/**
 * Where one rerank's time goes, stage by stage: the engine's rank pipeline replayed step by step
 * (the named stages of `rank-pipeline.ts`, which `engine.rank` runs in this order) with a timer around each, plus the
 * worker's candidate decoding and result encoding, and the whole `engine.rank` for comparison.
 * The shop, catalogue and histories are the perf benchmark's (`perf/data.ts`); the model is the
 * zero-training default (what the browser figures rank with), optionally with catalogue counts.
 *
 *   npx tsx tools/bench/rank-stages.ts [--backend=js|wasm|cpu] [--events=50,200,10000] [--candidates=100,1000] [--iters=200] [--catalog]
 *
 * Prints p50 per stage in ms. A benchmark, not a test: compare ratios within one run.
 */
import { createWorkerEngine } from '../../src/core/engine/engine.js';
import { adjustScores, arrange, explain, listVectors, score, type RankContext } from '../../src/core/engine/rank-pipeline.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { createCatalogModel } from '../../src/core/model/catalog-rarity.js';
import { createVectorCache } from '../../src/core/model/vector-cache.js';
import { candidateItems, validateEvent } from '../../src/core/wire/validate.js';
import { encodeCandidates } from '../../src/core/wire/candidate-wire.js';
import { decodeRankRequest, encodeRankResult } from '../../src/worker/rank-codec.js';
import { createNodeScorer, type NodeBackend } from '../eval/backend.js';
import { catalogue, history } from './perf/data.js';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const backend = arg('backend', 'js') as NodeBackend;
const eventCounts = arg('events', '50,200,10000').split(',').map(Number);
const sizes = arg('candidates', '100,1000').split(',').map(Number);
const iters = Number(arg('iters', '200'));
const withCatalog = process.argv.includes('--catalog');
/** A learned personal term (u of small seeded values), as the worker's learner sets one after training on a long history. */
const withPersonal = process.argv.includes('--personal');

const NOW = Date.now();
const products = catalogue(2_000);
const model = withCatalog ? createCatalogModel(candidateItems(products), {}) : createDefaultModel();
const scorer = await createNodeScorer(backend);

const STAGES = ['decode', 'vectors', 'scorer', 'adjust', 'arrange', 'reasons', 'encode', 'stages Σ', 'engine.rank', 'worker total'] as const;
type Stage = (typeof STAGES)[number];
const TIMED = 7;

async function cell(events: number, n: number): Promise<Record<Stage, number>> {
  const engine = await createWorkerEngine({ model, scorer, now: () => NOW, random: () => 0.5 });
  await engine.track(history(products, events, NOW, events).map((e) => validateEvent(e, NOW)));
  const encoded = encodeCandidates(candidateItems(products.slice(0, n)));
  const u = Float32Array.from({ length: model.params.dims }, (_, j) => Math.sin(j * 12.9898) * 0.05);
  const personal = withPersonal ? { modelVersion: model.version, u } : undefined;
  engine.setPersonal(personal);
  const ctx: RankContext = { model, vectors: createVectorCache(model), scorer, random: () => 0.5, personal, now: () => NOW, events: engine.allEvents() };
  const samples = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;

  async function staged(record: boolean): Promise<void> {
    const t: number[] = [performance.now()];
    const mark = () => t.push(performance.now());
    const head = decodeRankRequest(structuredClone(encoded));
    mark();
    const hist = engine.history();
    const v = listVectors(ctx, head, hist, {});
    mark();
    const out = await score(ctx, v);
    mark();
    const adjusted = adjustScores(ctx, out.scores, v, head, hist);
    mark();
    const placed = arrange(ctx, out.top, adjusted.scores, v, head, {});
    mark();
    const reasons = explain(placed, { order: placed.order, promoted: [], excluded: [] }, adjusted, out.top, head, hist);
    mark();
    encodeRankResult({ order: placed.order, scores: [...adjusted.scores], reasons, backend: scorer.backend, ms: 0 });
    mark();
    if (!record) return;
    STAGES.slice(0, TIMED).forEach((s, k) => samples[s].push(t[k + 1]! - t[k]!));
    samples['stages Σ'].push(t[TIMED]! - t[0]!);
  }

  async function whole(record: boolean): Promise<void> {
    const t0 = performance.now();
    const items = decodeRankRequest(structuredClone(encoded));
    const t1 = performance.now();
    const r = await engine.rank(items);
    const t2 = performance.now();
    encodeRankResult(r);
    const t3 = performance.now();
    if (!record) return;
    samples['engine.rank'].push(t2 - t1);
    samples['worker total'].push(t3 - t0);
  }

  for (let i = 0; i < 20; i++) {
    await staged(false);
    await whole(false);
  }
  // Interleaved, so both see the same machine load.
  for (let i = 0; i < iters; i++) {
    await staged(true);
    await whole(true);
  }
  return Object.fromEntries(STAGES.map((s) => [s, q(samples[s], 0.5)])) as Record<Stage, number>;
}

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

const cols: string[] = [];
const results: Record<Stage, number>[] = [];
for (const n of sizes) {
  for (const e of eventCounts) {
    cols.push(`${n} × ${e}`);
    results.push(await cell(e, n));
  }
}
console.log(`backend ${backend}, model ${model.version}${withPersonal ? ', with a personal term' : ''}, ${iters} iterations, p50 ms per stage (candidates × events), node ${process.version}\n`);
console.log(`| stage | ${cols.join(' | ')} |`);
console.log(`|---|${cols.map(() => '---:').join('|')}|`);
for (const s of STAGES) console.log(`| ${s} | ${results.map((r) => r[s].toFixed(3)).join(' | ')} |`);
