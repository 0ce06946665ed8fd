/**
 * Accuracy benchmark: `npm run bench:accuracy -- --data <folder> | --events <export> --catalog <feed> [--protocol sampled|full|both]
 *   [--model <dir>] [--out <dir>] [--limit-users N] [--workers 2] [--backend wasm|cpu|js] [--no-refit]`
 *
 * Leave-one-out on any folder in the shared/datasets format, or on a shop's exports read by
 * tools/shop (sampled negatives: 99 items each shopper never engaged with, fixed seed). Models: PopRec; Hearth
 * zero-training (default params, no table); Hearth site-trained (trained here on items before
 * the validation item, epochs picked on the validation item, refit; or loaded from --model).
 * Hearth models are scored through the engine (createEngine → track → rank) on the tfjs
 * backend the worker would use in Node (wasm by default): each test user's history is replayed
 * as tracked clicks. positionWeight is 0 and candidates are shuffled with a fixed seed, so
 * candidate order cannot leak the answer.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { evaluatePopRec, type EvalResult, type Protocol, type Target } from '../eval/evaluate.js';
import { validateRerankOptions } from '../../src/core/wire/validate.js';
import type { RankKnobs } from '../../src/core/wire/wire.js';
import { createMetrics, HR_KS, NDCG_KS, type Metrics } from '../eval/metrics.js';
import type { NodeBackend } from '../eval/backend.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { encodeModel } from '../../src/core/model/model-format.js';
import { createCatalogModel } from '../../src/core/model/catalog-rarity.js';
import { readModel, writeModel } from '../train/model-io.js';
import { numberArg, parseArgs } from '../train/args.js';
import { fitFromArgs } from '../train/fit-from-args.js';
import { fitFacts } from '../train/fit.js';
import { DATA_USAGE, exitOnDataError, loadData } from '../train/data-args.js';
import { Stages } from '../shop/stages.js';

const args = parseArgs(process.argv.slice(2));
if (!args.data && !args.events) {
  console.error(`usage: npm run bench:accuracy -- ${DATA_USAGE} [--protocol sampled|full|both] [--model <dir>] [--out <dir>] [--models pop,zero,zero-catalog,zero-shop,trained] [--limit-users N] [--workers N] [--backend wasm|cpu|js]`);
  process.exit(2);
}
const protocolArg = args.protocol ?? 'both';
if (!['sampled', 'full', 'both'].includes(protocolArg)) throw new Error(`--protocol must be sampled, full or both`);
const protocols: Protocol[] = protocolArg === 'both' ? ['sampled', 'full'] : [protocolArg as Protocol];
const limitUsers = numberArg(args, 'limit-users');
// --target valid scores the item before the test item (for choosing settings); --knobs ranks
// every sampled list with these rank options, validated as a page's are (the full protocol scores without knobs).
const targetArg = args.target ?? 'test';
if (targetArg !== 'test' && targetArg !== 'valid') throw new Error(`--target must be test or valid, got '${targetArg}'`);
const target: Target = targetArg;
const knobs = args.knobs === undefined ? undefined : parseKnobs(args.knobs);
const workers = numberArg(args, 'workers') ?? Math.max(1, Math.min(os.availableParallelism(), 2));
const backend = (args.backend ?? 'wasm') as NodeBackend;
const benchStarted = performance.now();
/**
 * CPU seconds of this process, worker threads included (getrusage of the whole process): with
 * wall time it shows how much a run was slowed by other work on the machine.
 */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const stages = new Stages();
// --limit-users limits the evaluated users here, not the data read.
const { dataset: ds } = await loadData(Object.fromEntries(Object.entries(args).filter(([k]) => k !== 'limit-users')), stages).catch(exitOnDataError);
await stages.close();
const evalUsers = ds.sequences.filter((s) => s.length >= 2).length;
console.log(`# ${ds.name}: ${ds.sequences.length} users, ${ds.items.length} items; protocols ${protocols.join('+')}; backend ${backend}; ${workers} worker(s); ${limitUsers ? `first ${limitUsers} users per worker` : `all ${evalUsers} users`}`);

/** Engine evaluation split over worker threads (each runs its own engine on the model). */
async function evaluateModel(model: InterestModel, only: Protocol[] = protocols, listOrder: 'shuffled' | 'popularity' = 'shuffled'): Promise<EvalResult> {
  const started = performance.now();
  const c0 = cpuSeconds();
  const { manifest, bin } = encodeModel(model, 'float32');
  const binBuf = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
  const shards = await Promise.all(
    Array.from({ length: workers }, (_, shard) => {
      const opts = { protocols: only, listOrder, target, ...(knobs ? { knobs } : {}), shard, shards: workers, seed: 1, ...(limitUsers ? { limitUsers: Math.ceil(limitUsers / workers) } : {}) };
      return new Promise<EvalResult>((resolve, reject) => {
        const w = new Worker(new URL('./accuracy-worker.mjs', import.meta.url), {
          workerData: { dataset: ds, manifest, bin: model.table ? binBuf : undefined, backend, options: opts },
        });
        w.once('message', (r: EvalResult) => {
          resolve(r);
          void w.terminate();
        });
        w.once('error', reject);
      });
    }),
  );
  const out: EvalResult = { users: 0, ms: performance.now() - started, cpuSeconds: cpuSeconds() - c0 };
  for (const p of only) {
    const acc = createMetrics();
    for (const s of shards) if (s[p]) acc.merge(s[p]);
    out[p] = acc.result();
  }
  out.users = shards.reduce((n, s) => n + s.users, 0);
  return out;
}

const rows: Array<{ name: string; result: EvalResult; note?: string }> = [];
const wanted = (args.models ?? 'pop,zero,zero-catalog,zero-shop,trained').split(',');
for (const which of wanted) {
  if (which === 'pop') runPop();
  else if (which === 'zero') await runZero();
  else if (which === 'trained') await runTrained();
  else if (which === 'zero-catalog') await runZeroCatalog();
  else if (which === 'zero-shop') await runZeroShop();
  else throw new Error(`--models takes pop, zero, zero-catalog, zero-shop, trained; got '${which}'`);
}

function runPop(): void {
  const pop = evaluatePopRec(ds, { protocols, target, seed: 1, ...(limitUsers ? { limitUsers } : {}) });
  rows.push({ name: 'PopRec', result: pop });
  print(rows.at(-1)!);
}

async function runZero(): Promise<void> {
  const zero = createDefaultModel({ positionWeight: 0 });
  rows.push({ name: 'Hearth zero-training', result: await evaluateModel(zero) });
  print(rows.at(-1)!);
}

/**
 * Zero-training with the catalogue's feature counts and relations (`catalog-rarity.ts`,
 * `catalog-relations.ts`): the attributes of every catalogue item, the product feed a brand-new
 * shop has. No shopper's sequence or order is used.
 */
async function runZeroCatalog(): Promise<void> {
  const model = createCatalogModel(ds.items, { positionWeight: 0 });
  const related = model.catalog!.related?.targets.length ?? 0;
  console.log(`# catalogue counts: ${model.catalog!.keys.length} features over ${model.catalog!.items} items, ${related} relations, ${(JSON.stringify(encodeModel(model).manifest).length / 1024).toFixed(0)} KiB of model.json`);
  rows.push({ name: 'Hearth zero-training + catalogue counts and relations', result: await evaluateModel(model) });
  print(rows.at(-1)!);
}

/**
 * Not a benchmark model of its own: the zero-training model as a brand-new shop runs it, reranking
 * the list its server sends in bestseller order (the engine's default positionWeight blends the
 * two). The bestseller order is other shoppers' behaviour, so this row shows the product, not
 * what history and attributes alone achieve. Sampled protocol only (the full-ranking figures read
 * the engine's scores, which the list order does not change).
 */
async function runZeroShop(): Promise<void> {
  if (!protocols.includes('sampled')) return;
  const zero = createDefaultModel();
  rows.push({ name: 'Hearth zero-training on the shop\'s bestseller order', result: await evaluateModel(zero, ['sampled'], 'popularity') });
  print(rows.at(-1)!);
}

async function runTrained(): Promise<void> {
  let trained: InterestModel;
  let trainNote: string;
  if (args.model) {
    trained = readModel(args.model);
    trainNote = `loaded from ${args.model}`;
  } else {
    const t0 = performance.now();
    const c0 = cpuSeconds();
    const res = await fitFromArgs(ds, args, (l) => console.log(`  [train] ${l}`));
    trained = res.model;
    trainNote = `trained in ${((performance.now() - t0) / 1000).toFixed(0)} s wall, ${(cpuSeconds() - c0).toFixed(0)} s CPU (best epoch ${res.bestEpoch}, valid full HR@10 ${res.valid.hr10.toFixed(4)}${res.nextItems ? `, went-on-to strength ${res.nextItems.params.gamma}` : ''})`;
    if (args.out) {
      const sizes = writeModel(args.out, trained, { data: ds.name, ...fitFacts(res) });
      trainNote += `; wrote ${args.out} (model.bin ${(sizes.bin / 1024).toFixed(0)} KiB)`;
    }
  }
  const { bin } = encodeModel(trained, 'int8');
  console.log(`# site-trained model ${trained.version}: ${trained.table?.keys.length ?? 0} rows × ${trained.params.dims} dims, int8 ${(bin.byteLength / 1024).toFixed(0)} KiB; ${trainNote}`);
  // Benchmarks rank exactly what the page would get, minus the original-position prior.
  trained = { ...trained, params: { ...trained.params, positionWeight: 0 } };
  rows.push({ name: 'Hearth site-trained', result: await evaluateModel(trained), note: trainNote });
  print(rows.at(-1)!);
}

console.log('');
console.log(table());
console.log(`\ntotal run time ${((performance.now() - benchStarted) / 1000).toFixed(0)} s wall, ${cpuSeconds().toFixed(0)} s CPU`);

function parseKnobs(text: string): RankKnobs {
  try {
    const { listId: _l, limit: _n, timeoutMs: _t, ...rest } = validateRerankOptions(JSON.parse(text));
    return rest;
  } catch (err) {
    console.error(`--knobs: ${(err as Error).message}`);
    process.exit(2);
  }
}

function fmt(m: Metrics | undefined): string[] {
  if (!m) return [];
  return [...HR_KS.map((k) => m.hr[k]!.toFixed(4)), ...NDCG_KS.map((k) => m.ndcg[k]!.toFixed(4)), m.mrr.toFixed(4)];
}

function print(row: { name: string; result: EvalResult }): void {
  // Every metric, as soon as a model is done (a long run that is cut short still leaves its rows).
  const names = [...HR_KS.map((k) => `HR@${k}`), ...NDCG_KS.map((k) => `NDCG@${k}`), 'MRR'];
  const parts = protocols.filter((p) => row.result[p]).map((p) => `${p} ${fmt(row.result[p]).map((v, i) => `${names[i]} ${v}`).join(' ')}`);
  console.log(`${row.name}${target === 'test' ? '' : ` (${target})`}${knobs ? ` ${JSON.stringify(knobs)}` : ''}: ${parts.join('; ')} (${row.result.users} users, ${(row.result.ms / 1000).toFixed(0)} s wall${row.result.cpuSeconds === undefined ? '' : `, ${row.result.cpuSeconds.toFixed(0)} s CPU`})`);
}

function table(): string {
  const head = ['model', 'protocol', ...HR_KS.map((k) => `HR@${k}`), ...NDCG_KS.map((k) => `NDCG@${k}`), 'MRR', 'users', 'eval s'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const p of protocols) {
    for (const r of rows) if (r.result[p]) lines.push(`| ${r.name} | ${p} | ${fmt(r.result[p]).join(' | ')} | ${r.result.users} | ${(r.result.ms / 1000).toFixed(0)} |`);
  }
  return lines.join('\n');
}
