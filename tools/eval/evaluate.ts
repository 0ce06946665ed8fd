import type { RankKnobs, WireItem } from '../../src/core/wire/wire.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import type { Scorer } from '../../src/core/score/scorer.js';
import type { Dataset } from './dataset.js';
import { createMetrics, rankOf, type Metrics } from './metrics.js';
import { createReplayer } from './replay.js';
import { mulberry32, permutation } from './random.js';

export type Protocol = 'sampled' | 'full';
/** Which held-out item is the target: the validation item (model selection) or the test item (reporting, once). */
export type Target = 'valid' | 'test';

export interface EvalOptions {
  protocols: Protocol[];
  target: Target;
  /** Evaluate users u with u % shards === shard (parallel workers). */
  shard?: number;
  shards?: number;
  /** Only the first N users (after sharding). */
  limitUsers?: number;
  /** Seed of the candidate shuffles. */
  seed?: number;
  /**
   * Order of the sampled list handed to the engine: `'shuffled'` (default; the engine must find
   * the target on its own) or `'popularity'`: the shop's bestseller order (counts of visible
   * history items, ties shuffled), as a shop's server would send it. Only meaningful with the
   * model's positionWeight > 0, where the engine blends its scores with that order.
   */
  listOrder?: 'shuffled' | 'popularity';
  /** Rank options of every sampled list (privacy noise, variety, …); default none. */
  knobs?: RankKnobs;
  onProgress?: (done: number, total: number) => void;
}

export interface EvalResult {
  sampled?: Metrics;
  full?: Metrics;
  users: number;
  ms: number;
  /** CPU seconds spent, where the runner measured them (all threads). */
  cpuSeconds?: number;
}

/** History and target of user u for the given held-out position. */
export function heldOut(seq: Int32Array, target: Target): { history: Int32Array; target: number } {
  const n = seq.length;
  return target === 'test' ? { history: seq.subarray(0, n - 1), target: seq[n - 1]! } : { history: seq.subarray(0, n - 2), target: seq[n - 2]! };
}

export function selectUsers(ds: Dataset, options: EvalOptions): number[] {
  const shards = options.shards ?? 1;
  const shard = options.shard ?? 0;
  const out: number[] = [];
  for (let u = 0; u < ds.sequences.length; u++) {
    if (u % shards !== shard) continue;
    if (ds.sequences[u]!.length < (options.target === 'test' ? 2 : 3)) continue;
    out.push(u);
    if (options.limitUsers && out.length >= options.limitUsers) break;
  }
  return out;
}

/**
 * Candidate lists. Sampled: the target among the user's 99 fixed negatives, shuffled per user
 * (seeded), so where the target sits cannot matter. Full: every catalogue item except the items
 * already in the user's history (the target stays), in one fixed random permutation.
 */
export function makeCandidates(ds: Dataset, seed: number, popularity?: Float32Array) {
  const perm = permutation(ds.items.length, seed);
  const mark = new Uint8Array(ds.items.length);
  return {
    sampled(u: number, target: number): Int32Array {
      const negs = ds.negatives[u]!;
      const list = Int32Array.from([target, ...negs]);
      const rnd = mulberry32(seed ^ Math.imul(u + 1, 0x9e3779b1));
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        const t = list[i]!;
        list[i] = list[j]!;
        list[j] = t;
      }
      // A stable sort keeps the shuffle among equally popular items: no tie favours the target.
      if (popularity) return Int32Array.from(Array.from(list).sort((a, b) => popularity[b]! - popularity[a]!));
      return list;
    },
    full(history: Int32Array, target: number): Int32Array {
      for (const h of history) mark[h] = 1;
      mark[target] = 0;
      const list = new Int32Array(ds.items.length);
      let n = 0;
      for (const i of perm) if (!mark[i]) list[n++] = i;
      for (const h of history) mark[h] = 0;
      return list.subarray(0, n);
    },
  };
}

/**
 * Scores every selected user's held-out item through the engine: the user's history is
 * replayed as tracked clicks, then the candidates go through `engine.rank` exactly as a page's
 * list would. The model should have positionWeight 0 here; the shuffles guard against leaks anyway.
 */
export async function evaluateEngine(ds: Dataset, model: InterestModel, scorer: Scorer, options: EvalOptions): Promise<EvalResult> {
  const started = performance.now();
  const users = selectUsers(ds, options);
  const cands = makeCandidates(ds, options.seed ?? 1, options.listOrder === 'popularity' ? popularityCounts(ds, options.target) : undefined);
  const replayer = await createReplayer(model, scorer);
  const sampled = createMetrics();
  const full = createMetrics();
  let scoreBuf = new Float32Array(ds.items.length);
  let done = 0;
  for (const u of users) {
    const { history, target } = heldOut(ds.sequences[u]!, options.target);
    await replayer.replay(Array.from(history, (i) => ds.items[i]!));
    if (options.protocols.includes('sampled') && ds.negatives[u]!.length > 0) {
      const list = cands.sampled(u, target);
      const order = await replayer.order(Array.from(list, (i) => ds.items[i]!), options.knobs);
      sampled.add(order.findIndex((k) => list[k] === target));
    }
    if (options.protocols.includes('full')) {
      const list = cands.full(history, target);
      const items = new Array<WireItem>(list.length);
      let t = -1;
      for (let k = 0; k < list.length; k++) {
        items[k] = ds.items[list[k]!]!;
        if (list[k] === target) t = k;
      }
      if (scoreBuf.length < list.length) scoreBuf = new Float32Array(list.length);
      const scores = await replayer.scores(items, scoreBuf.subarray(0, list.length));
      full.add(rankOf(scores, t));
    }
    done++;
    if (options.onProgress && done % 500 === 0) options.onProgress(done, users.length);
  }
  await replayer.close();
  const out: EvalResult = { users: users.length, ms: performance.now() - started };
  if (options.protocols.includes('sampled')) out.sampled = sampled.result();
  if (options.protocols.includes('full')) out.full = full.result();
  return out;
}

/** How often each item occurs in all users' visible histories (never a held-out item). */
export function popularityCounts(ds: Dataset, target: Target): Float32Array {
  const counts = new Float32Array(ds.items.length);
  for (const seq of ds.sequences) for (const i of heldOut(seq, target).history) counts[i]! += 1;
  return counts;
}

/**
 * PopRec: items ranked by how often they occur in all users' visible histories (never the
 * held-out items). Not a Hearth model, so it does not go through the engine.
 */
export function evaluatePopRec(ds: Dataset, options: EvalOptions): EvalResult {
  const started = performance.now();
  const counts = popularityCounts(ds, options.target);
  const users = selectUsers(ds, options);
  const cands = makeCandidates(ds, options.seed ?? 1);
  const sampled = createMetrics();
  const full = createMetrics();
  for (const u of users) {
    const { history, target } = heldOut(ds.sequences[u]!, options.target);
    if (options.protocols.includes('sampled') && ds.negatives[u]!.length > 0) {
      const list = cands.sampled(u, target);
      sampled.add(rankOf(Array.from(list, (i) => counts[i]!), list.indexOf(target)));
    }
    if (options.protocols.includes('full')) {
      const list = cands.full(history, target);
      full.add(rankOf(Array.from(list, (i) => counts[i]!), list.indexOf(target)));
    }
  }
  const out: EvalResult = { users: users.length, ms: performance.now() - started };
  if (options.protocols.includes('sampled')) out.sampled = sampled.result();
  if (options.protocols.includes('full')) out.full = full.result();
  return out;
}
