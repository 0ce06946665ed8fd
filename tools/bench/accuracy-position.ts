/**
 * How strongly should the shop's own order hold against the zero-training model's scores?
 * `npx tsx tools/bench/accuracy-position.ts <dataset folder> [users]` replays each user's history up to the
 * VALIDATION item (never the test item), hands the engine the sampled list (target + 99 fixed
 * negatives) in bestseller order — what a new shop's server would send — and sweeps the engine's
 * positionWeight over the same scores: utility = score − positionWeight · ln(1 + position).
 * DEFAULT_PARAMS.positionWeight was chosen from this sweep (BENCHMARKS.md › Zero-training › The shop's order: positionWeight).
 */
import { readDataset } from '../eval/dataset.js';
import { heldOut, makeCandidates, popularityCounts, selectUsers } from '../eval/evaluate.js';
import { createReplayer } from '../eval/replay.js';
import { createNodeScorer } from '../eval/backend.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { createMetrics } from '../eval/metrics.js';
const ds = readDataset(process.argv[2]!);
const n = Number(process.argv[3] ?? 2000);
const users = selectUsers(ds, { protocols: ['sampled'], target: 'valid', limitUsers: n });
const pop = popularityCounts(ds, 'valid');
const cands = makeCandidates(ds, 1, pop);
const rep = await createReplayer(createDefaultModel({ positionWeight: 0 }), await createNodeScorer('js'));
const pws = [0, 0.02, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2, 1e9]; // 1e9: the shop's order alone (PopRec)
const ms = pws.map(() => createMetrics());
const scale: number[] = [];
for (const u of users) {
  const { history, target } = heldOut(ds.sequences[u]!, 'valid');
  await rep.replay(Array.from(history, (i) => ds.items[i]!));
  const list = cands.sampled(u, target);
  const s = await rep.scores(Array.from(list, (i) => ds.items[i]!));
  const t = list.indexOf(target);
  // Ties go to the earlier position, as the engine's stable order does.
  scale.push(Math.max(...s) - Math.min(...s));
  pws.forEach((pw, k) => {
    const ut = Array.from(s, (v, i) => v - pw * Math.log1p(i));
    let r = 0;
    for (let i = 0; i < ut.length; i++) if (i !== t && (ut[i]! > ut[t]! || (ut[i] === ut[t] && i < t))) r++;
    ms[k]!.add(r);
  });
}
scale.sort((a, b) => a - b);
console.log('score range p50', scale[scale.length >> 1]);
pws.forEach((pw, k) => { const m = ms[k]!.result(); console.log(`pw ${pw}: HR@10 ${m.hr[10]!.toFixed(4)} NDCG@10 ${m.ndcg[10]!.toFixed(4)}`); });
