import type { WireItem } from '../../src/core/wire/wire.js';
import { createMetrics, type Metrics } from '../eval/metrics.js';
import { forEachOnward, idRowIn } from '../../src/core/model/next-items.js';
import type { NextItemParams, NextItems } from '../../src/core/model/model-types.js';
import type { MatMul } from './matmul.js';
import { scoreEachUser } from './quick-evaluate.js';
import type { EvalSet } from './train-config.js';
import type { TrainState } from './train-state.js';

/**
 * The recipe of the "shoppers went on to" lists (`src/core/model/next-items.ts`). Chosen on Beauty's
 * validation item, all users, beside the trained vectors (BENCHMARKS.md › Ablations › "Shoppers went on to" lists):
 * the weight of each pair sums ½^(g−1) over the shopper's next `gap` steps; a row keeps its `top`
 * heaviest pairs, as a share of all its onward weight plus `kappa` (so an item seen twice cannot
 * claim half of anything); recency 0.3 per history step, lambda 30.
 */
export const NEXT_RECIPE = { gap: 3, stepDecay: 0.5, top: 20, kappa: 5, lambda: 30, recency: 0.3 } as const;

/**
 * A pair is shipped only when at least this many different shoppers made it, so a rare item's
 * list cannot reveal what one shopper did next. It costs no accuracy (BENCHMARKS.md › Ablations ›
 * "Shoppers went on to" lists).
 */
export const MIN_SHOPPERS = 2;

/** Strengths tried on the validation item; 0 keeps the lists out of the score. */
const GAMMAS = [0, 0.5, 1, 1.5, 2, 3];

/** Each item's id row in the table (-1 where the layout has no id feature). */
export function itemIdRows(items: readonly WireItem[], keys: Uint32Array): Int32Array {
  return Int32Array.from(items, (item) => idRowIn(keys, item.id));
}

/** Counts who went where next in `sequences` (dense item indices) and keeps each item's top pairs. */
export function buildNextItems(sequences: readonly Int32Array[], idRows: Int32Array, rowCount: number): NextItems {
  const { gap, stepDecay, top, kappa } = NEXT_RECIPE;
  // Per source item: target → [weight, shoppers, last shopper counted].
  const pairs = new Map<number, Map<number, [number, number, number]>>();
  sequences.forEach((seq, u) => {
    for (let i = 0; i < seq.length; i++) {
      for (let g = 1; g <= gap && i + g < seq.length; g++) {
        const a = seq[i]!;
        const b = seq[i + g]!;
        if (a === b || idRows[a]! < 0 || idRows[b]! < 0) continue;
        let out = pairs.get(a);
        if (!out) pairs.set(a, (out = new Map<number, [number, number, number]>()));
        let e = out.get(b);
        if (!e) out.set(b, (e = [0, 0, -1]));
        e[0] += stepDecay ** (g - 1);
        if (e[2] !== u) {
          e[1]++;
          e[2] = u;
        }
      }
    }
  });
  const lists: Array<Array<[number, number]>> = Array.from({ length: rowCount }, () => []);
  for (const [a, out] of pairs) {
    let total = kappa;
    for (const e of out.values()) total += e[0];
    const kept = [...out].filter(([, e]) => e[1] >= MIN_SHOPPERS).sort((x, y) => y[1][0] - x[1][0] || x[0] - y[0]);
    lists[idRows[a]!] = kept.slice(0, top).map(([b, e]) => [idRows[b]!, e[0] / total]);
  }
  const offsets = new Uint32Array(rowCount + 1);
  lists.forEach((l, r) => (offsets[r + 1] = offsets[r]! + l.length));
  const rows = new Uint32Array(offsets[rowCount]!);
  const weights = new Float32Array(offsets[rowCount]!);
  lists.forEach((l, r) => l.forEach(([row, w], k) => ((rows[offsets[r]! + k] = row), (weights[offsets[r]! + k] = w))));
  return { offsets, rows, weights };
}

export interface NextChoice {
  params: NextItemParams;
  /** Validation full-ranking metrics per strength tried. */
  tried: Array<{ gamma: number; full: Metrics }>;
}

/**
 * Chooses how strongly the lists weigh in, on the validation item: the model of the chosen epoch
 * scores the catalogue for each validation user, the lists built from the same training items
 * (never the validation item) multiply it as the engine will, and the strength with the best
 * full-ranking NDCG@10 wins (0 when none beats the vectors alone).
 */
export function chooseNextItems(state: TrainState, items: readonly WireItem[], trainSequences: readonly Int32Array[], set: EvalSet, matMul: MatMul): NextChoice {
  const idRows = itemIdRows(items, state.layout.keys);
  const next = buildNextItems(trainSequences, idRows, state.layout.keys.length);
  const rowItem = new Int32Array(state.layout.keys.length).fill(-1);
  idRows.forEach((r, i) => r >= 0 && (rowItem[r] = i));
  const { lambda, recency } = NEXT_RECIPE;
  const metrics = GAMMAS.map(() => createMetrics());
  const t = new Float64Array(items.length);
  const boost = new Float64Array(items.length);
  scoreEachUser(state, items.length, set, matMul, (u, scores, hItems, m) => {
    const hist = set.histories[u]!;
    const y = set.targets[u]!;
    const touched: number[] = [];
    forEachOnward(next, Int32Array.from({ length: m }, (_, j) => idRows[hItems[j]!]!), recency, (row, v) => {
      const c = rowItem[row]!;
      if (t[c] === 0) touched.push(c);
      t[c]! += v;
    });
    for (let c = 0; c < items.length; c++) scores[c] = Math.log(scores[c]!);
    for (const h of hist) if (h !== y) scores[h] = -Infinity;
    for (const c of touched) boost[c] = Math.log1p(lambda * t[c]!);
    GAMMAS.forEach((g, gi) => {
      const sy = scores[y]! + g * boost[y]!;
      let rank = 0;
      for (let c = 0; c < items.length; c++) if (c !== y && scores[c]! + g * boost[c]! >= sy) rank++;
      metrics[gi]!.add(rank);
    });
    for (const c of touched) t[c] = boost[c] = 0;
  });
  const tried = GAMMAS.map((gamma, i) => ({ gamma, full: metrics[i]!.result() }));
  const best = tried.reduce((a, b) => (b.full.ndcg[10]! > a.full.ndcg[10]! ? b : a));
  return { params: { gamma: best.gamma, lambda, recency }, tried };
}
