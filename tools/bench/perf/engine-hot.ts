/**
 * CPU cost of one steady-state rerank, apart from browser noise: the page → worker → page path
 * simulated in one Node process (`structuredClone` stands in for postMessage), through the same
 * request/response encoding and the real engine, with the plain-JS scorer or the tfjs graph on
 * wasm/cpu. Phases: validate = page-side validation and encoding, request/response = the
 * crossing, rank = decoding + engine + encoding in the worker, map = the page's result mapping.
 *
 *   npx tsx tools/bench/perf/engine-hot.ts [--backend=wasm|cpu|js] [--events=10000] [--candidates=1000] [--iters=200]
 *
 * Prints the median, p90 and mean of each phase in ms, and the process's CPU time per rerank.
 * A benchmark, not a test: compare ratios of back-to-back runs on the same machine.
 */
import { createEngine } from '../../../src/core/engine/engine.js';
import { createMemoryStore } from '../../../src/core/store/memory-store.js';
import { createDefaultModel } from '../../../src/core/model/model.js';
import { candidateItems, validateEvent } from '../../../src/core/wire/validate.js';
import { createNodeScorer, type NodeBackend } from '../../eval/backend.js';
import { rankedResult } from '../../../src/page/client/results.js';
import { encodeCandidates } from '../../../src/core/wire/candidate-wire.js';
import { createLineCache } from '../../../src/page/client/line-cache.js';
import { decodeRankRequest, encodeRankResult } from '../../../src/worker/rank-codec.js';
import { catalogue, history } from './data.js';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const backend = arg('backend', 'wasm') as NodeBackend;
const eventCount = Number(arg('events', '10000'));
const n = Number(arg('candidates', '1000'));
const iters = Number(arg('iters', '200'));

const NOW = Date.now();
const products = catalogue(2_000);
const engine = await createEngine({ store: createMemoryStore(), model: createDefaultModel(), scorer: await createNodeScorer(backend), now: () => NOW, random: () => 0.5 });
await engine.track(history(products, eventCount, NOW, eventCount).map((e) => validateEvent(e, NOW)));
const items = products.slice(0, n);
const click = products[products.length - 1]!;
const lines = createLineCache(); // the page's, as in client/create-hearth.ts

type Phase = 'validate' | 'request' | 'rank' | 'response' | 'map' | 'total' | 'total cpu' | 'track+rank' | 'track+rank cpu';
const samples: Record<Phase, number[]> = { validate: [], request: [], rank: [], response: [], map: [], total: [], 'total cpu': [], 'track+rank': [], 'track+rank cpu': [] };
// CPU time of this process (user + system, GC threads included): what a loaded machine's
// pre-emption does not inflate, unlike the wall-clock phases.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function once(record: boolean): Promise<void> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const wire = lines.encode(items, candidateItems(items));
  const t1 = performance.now();
  const received = structuredClone(wire);
  const t2 = performance.now();
  const out = encodeRankResult(await engine.rank(decodeRankRequest(received)));
  const t3 = performance.now();
  const back = structuredClone(out, { transfer: [out.order.buffer, out.scores.buffer] });
  const t4 = performance.now();
  rankedResult(items, back, undefined, t0);
  const t5 = performance.now();
  const c5 = cpuMs();
  if (!record) return;
  samples.validate.push(t1 - t0);
  samples.request.push(t2 - t1);
  samples.rank.push(t3 - t2);
  samples.response.push(t4 - t3);
  samples.map.push(t5 - t4);
  samples.total.push(t5 - t0);
  samples['total cpu'].push(c5 - c0);
}

for (let i = 0; i < 20; i++) await once(false);
for (let i = 0; i < iters; i++) await once(true);
// A track invalidates the folded history: the next rank refolds it (100 candidates, as in tools/bench/perf.ts).
const hundred = encodeCandidates(candidateItems(products.slice(0, 100)));
for (let i = 0; i < Math.min(iters, 100); i++) {
  await engine.track([validateEvent({ type: 'view', item: click }, NOW)]);
  const c0 = cpuMs();
  const t0 = performance.now();
  encodeRankResult(await engine.rank(decodeRankRequest(structuredClone(hundred))));
  samples['track+rank'].push(performance.now() - t0);
  samples['track+rank cpu'].push(cpuMs() - c0);
}

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
console.log(`backend ${backend}, ${eventCount} events, ${n} candidates, ${iters} iterations (node ${process.version})`);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (const [phase, xs] of Object.entries(samples)) console.log(`  ${phase.padEnd(14)} p50 ${q(xs, 0.5).toFixed(3)}  p90 ${q(xs, 0.9).toFixed(3)}  mean ${mean(xs).toFixed(3)} ms`);
