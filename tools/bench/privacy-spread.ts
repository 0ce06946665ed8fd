/**
 * How the personal scores of sampled Beauty-style lists sit against privacy noise's clip (±1,
 * `src/core/rank/privacy-noise.ts`): `npx tsx tools/bench/privacy-spread.ts <folder> [every]`.
 * Every `every`-th user (default 50, at most 400), zero-training model, test item. Prints the
 * share of candidates at the clip and the median spread (max − min) of a list's scores: the part
 * of the clip's range of 2 that ε can act on.
 */
import { readDataset } from '../eval/dataset.js';
import { heldOut, makeCandidates } from '../eval/evaluate.js';
import { createReplayer } from '../eval/replay.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { createJsScorer } from '../../src/core/score/score-js.js';

const [folder, everyArg] = process.argv.slice(2);
if (!folder) {
  console.error('usage: npx tsx tools/bench/privacy-spread.ts <folder> [every]');
  process.exit(2);
}
const every = Number(everyArg ?? 50);
const ds = readDataset(folder);
const rep = await createReplayer(createDefaultModel({ positionWeight: 0 }), createJsScorer());
const cands = makeCandidates(ds, 1);
let n = 0;
let atClip = 0;
const spreads: number[] = [];
for (let u = 0; u < ds.sequences.length && spreads.length < 400; u += every) {
  const seq = ds.sequences[u]!;
  if (seq.length < 2) continue;
  const { history, target } = heldOut(seq, 'test');
  await rep.replay(Array.from(history, (i) => ds.items[i]!));
  const s = await rep.scores(Array.from(cands.sampled(u, target), (i) => ds.items[i]!));
  const clipped = Array.from(s, (x) => Math.max(-1, Math.min(1, x)));
  n += s.length;
  atClip += s.filter((x) => Math.abs(x) >= 1).length;
  spreads.push(Math.max(...clipped) - Math.min(...clipped));
}
await rep.close();
spreads.sort((a, b) => a - b);
const q = (p: number) => spreads[Math.floor(p * (spreads.length - 1))]!.toFixed(3);
console.log(`${spreads.length} users: ${((100 * atClip) / n).toFixed(1)}% of candidates at the clip; clipped score spread per list: median ${q(0.5)}, quartiles ${q(0.25)}–${q(0.75)} (of a possible 2)`);
