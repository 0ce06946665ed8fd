import type { WireItem } from '../wire/wire.js';
import type { RankKnobs } from '../wire/wire.js';
import type { InterestModel } from '../model/model-types.js';
import type { Scorer, ScoreOutput } from '../score/scorer.js';
import type { VectorCache } from '../model/vector-cache.js';
import type { HistoryEntry } from '../model/history.js';
import { taxonomyRarity } from '../model/catalog-rarity.js';
import { listCoordinates, usesExactOverlap } from '../model/list-coordinates.js';
import { applyNextItems, type NextItemLift } from '../model/next-items.js';
import { addPersonalTerm, type PersonalTerm } from '../learn/personal-term.js';
import { demoteRepurchases } from '../learn/repurchase.js';

/** What a list's scoring leaves for ordering and reasons (`engine.rank`); `scores` alone is what the accuracy replay reads. */
export interface ScoredList {
  /** Final model score per candidate: the scorer's, then next items, personal term, repurchase demotion. */
  scores: Float32Array;
  /** The scorer's raw output (its `top` rows explain the scores). */
  out: ScoreOutput;
  /** Candidate vectors as scored (n × dims) and the history's (m × dims), with the history weights. */
  cand: Float32Array;
  histVecs: Float32Array;
  weights: Float32Array;
  lifted: (NextItemLift | undefined)[] | undefined;
  learned: Float32Array | undefined;
  demotedBy: Array<HistoryEntry | undefined>;
}

export interface ScoreListContext {
  model: InterestModel;
  vectors: VectorCache;
  scorer: Scorer;
  personal: PersonalTerm | undefined;
}

/**
 * The scoring half of a rank: vectors for the list and history, the scorer, then the adjustments
 * every backend gets in JS. `head` is the list cut to the engine's cap and `hist` non-empty.
 * `knobs` matter only in that diversity asks for candidate × candidate coordinates too.
 */
export async function scoreList({ model, vectors, scorer, personal }: ScoreListContext, head: readonly WireItem[], hist: readonly HistoryEntry[], knobs: RankKnobs): Promise<ScoredList> {
  const n = head.length;
  const { dims, beta } = model.params;
  const cand = new Float32Array(n * dims);
  const histVecs = new Float32Array(hist.length * dims);
  const weights = new Float32Array(hist.length);
  hist.forEach((h, i) => (weights[i] = h.weight));
  /** The items' own candidate-role vectors (cached), row after row. */
  const stableVectors = (out = new Float32Array(n * dims)): Float32Array => {
    head.forEach((item, i) => out.set(vectors.get(item, 'target'), i * dims));
    return out;
  };
  // A zero-training model builds its vectors per list: weighed by rarity (in the list, and in
  // the catalogue when the model carries its counts), with coordinates of their own for the
  // features the list and history share.
  const exact = usesExactOverlap(model);
  const sets = model.table ? undefined : head.map((item) => vectors.features(item));
  const rarity = sets && taxonomyRarity(model, sets);
  const listSets = exact || rarity ? sets : undefined;
  const perList = listSets !== undefined;
  if (listSets) {
    listCoordinates(listSets, hist.map((h) => vectors.features(h.item)), model, rarity, cand, histVecs, { exact, withinList: (knobs.diversity ?? 0) > 0 });
  } else {
    stableVectors(cand);
    hist.forEach((h, i) => histVecs.set(vectors.get(h.item, 'context'), i * dims));
  }
  const out = await scorer.score({ dims, candidates: cand, n, history: histVecs, m: hist.length, weights, beta });
  // After the scorer, in JS, so every backend gets the same adjustments: a trained model's
  // "shoppers went on to" lists, the learned personal term u·t_c, then the repeat-purchase
  // demotion (last, so nothing lifts a just-bought item back).
  const scores = Float32Array.from(out.scores);
  const lifted = applyNextItems(scores, model, hist, head);
  // u lives in the space of the items' own vectors (`targetVector`, what the learner trains
  // on), not in a list's coordinates.
  const learned = personal && personal.modelVersion === model.version ? addPersonalTerm(scores, perList ? stableVectors() : cand, dims, personal.u) : undefined;
  const demotedBy = demoteRepurchases(scores, head, hist, model.params.repurchase);
  return { scores, out, cand, histVecs, weights, lifted, learned, demotedBy };
}
