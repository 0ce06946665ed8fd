/**
 * Diversity λ sweep on a slice of a shared dataset (sampled protocol: the held-out test item
 * among the user's 99 fixed negatives, shuffled), through the real engine with the
 * zero-training model: accuracy (HR@10, NDCG@10) against intra-list diversity of the top 10
 * (mean pairwise 1 − cosine of item vectors) and catalogue coverage (distinct items placed in
 * any user's top 10 ÷ distinct items in all candidate lists).
 */
import { readDataset } from '../eval/dataset.js';
import { heldOut, makeCandidates, selectUsers } from '../eval/evaluate.js';
import { createReplayer } from '../eval/replay.js';
import { createMetrics } from '../eval/metrics.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { createJsScorer } from '../../src/core/score/score-js.js';
import { intraListDiversity } from '../../src/core/rank/diversify.js';

export interface DiversityPoint {
  lambda: number;
  hr10: number;
  ndcg10: number;
  ild10: number;
  coverage: number;
}

export async function diversitySweep(folder: string, users: number, lambdas: number[]): Promise<{ name: string; users: number; points: DiversityPoint[] }> {
  const ds = readDataset(folder);
  const model = createDefaultModel({ positionWeight: 0 });
  const replayer = await createReplayer(model, createJsScorer());
  const cands = makeCandidates(ds, 1);
  const picked = selectUsers(ds, { protocols: ['sampled'], target: 'test', limitUsers: users }).filter((u) => ds.negatives[u]!.length > 0);
  const metrics = lambdas.map(() => createMetrics());
  const ild = lambdas.map(() => 0);
  const placed = lambdas.map(() => new Set<number>());
  const offered = new Set<number>();
  const dims = model.params.dims;
  for (const u of picked) {
    const { history, target } = heldOut(ds.sequences[u]!, 'test');
    await replayer.replay(Array.from(history, (i) => ds.items[i]!));
    const list = cands.sampled(u, target);
    for (const i of list) offered.add(i);
    const items = Array.from(list, (i) => ds.items[i]!);
    const vecs = new Float32Array(items.length * dims);
    items.forEach((it, k) => vecs.set(replayer.engine.targetVector(it), k * dims));
    for (let l = 0; l < lambdas.length; l++) {
      const { order } = await replayer.engine.rank(items, { diversity: lambdas[l]! });
      metrics[l]!.add(order.findIndex((k) => list[k] === target));
      ild[l]! += intraListDiversity(order, vecs, dims, 10);
      for (const k of order.slice(0, 10)) placed[l]!.add(list[k]!);
    }
  }
  await replayer.close();
  const points = lambdas.map((lambda, l) => {
    const m = metrics[l]!.result();
    return { lambda, hr10: m.hr[10]!, ndcg10: m.ndcg[10]!, ild10: ild[l]! / picked.length, coverage: placed[l]!.size / offered.size };
  });
  return { name: ds.name, users: picked.length, points };
}
