import type { StoredEvent, WireItem } from '../wire/wire.js';
import { LIMITS } from '../wire/limits.js';
import type { InterestModel } from '../model/model-types.js';
import type { HistoryEntry } from '../model/history.js';
import type { VectorCache } from '../model/vector-cache.js';
import type { Scorer, ScoreInput, ScoreOutput } from '../score/scorer.js';
import { taxonomyRarity } from '../model/catalog-rarity.js';
import { listCoordinates, usesExactOverlap } from '../model/list-coordinates.js';
import { applyNextItems, type NextItemLift } from '../model/next-items.js';
import { arrange as arrangeScores } from '../rank/arrange.js';
import type { RankKnobs } from '../wire/wire.js';
import type { Uniform } from '../rank/random.js';
import { boughtReason, demoteRepurchases } from '../learn/repurchase.js';
import { addPersonalTerm, addPersonalTermByRow, learnedReason, type PersonalTerm } from '../learn/personal-term.js';
import { nextReason, reasonsFor } from './reasons.js';
import { historyExplains, historyLift, neutralPlaces, type HistoryLift } from './reason-gate.js';
import { capInCart } from '../learn/in-cart.js';
import { MAX_SAME_CATEGORY, varyTop } from '../rank/vary-top.js';
import { topAttention } from './top-attention.js';
import type { Reason } from '../types.js';
import { applyRules, PROMOTED_REASON, rulesReadHistory, type RuledOrder } from '../rank/rules.js';
import { rotationSink, shopperFacts } from '../rank/shopper-facts.js';

/** Reasons are worked out for this many top places of a ranked list. */
export const REASONED_PLACES = 200;

export interface EngineRankResult {
  /** Indices into the candidates, best first. */
  order: number[];
  /** Model score per candidate index (not per position). */
  scores: number[];
  /** Reasons per candidate index. */
  reasons: Reason[][];
  /** ε per position when privacy noise was applied. */
  epsilon?: number;
  /** Candidate indices the rules excluded (absent from `order`). */
  excluded?: number[];
  /** Scorer backend, or 'none' when there was nothing to score (empty history). */
  backend: string;
  /** Time spent in the engine, ms. */
  ms: number;
}

/** What one rank reads, taken once at its start so a model swap mid-rank cannot mix two models. */
export interface RankContext {
  model: InterestModel;
  vectors: VectorCache;
  scorer: Scorer;
  random: Uniform;
  /** The learned personal term, or undefined for none. */
  personal: PersonalTerm | undefined;
  now: () => number;
  /** Every stored event, oldest first: what the rules' `purchased`/`inCart` and rotation read. */
  events: readonly StoredEvent[];
}

/** The scorer's input: the candidates' and history's vectors, row after row, and the history's weights. */
export interface ListVectors extends ScoreInput {
  /** Built for this list (coordinates of its own) rather than the items' stable vectors. */
  perList: boolean;
}

/** Scores after the adjustments, with what each adjustment did (for the reasons). */
export interface AdjustedScores {
  scores: Float32Array;
  lifted: (NextItemLift | undefined)[] | undefined;
  learned: Float32Array | undefined;
  demotedBy: (HistoryEntry | undefined)[];
  /** What the history did to each final score, against the neutral score (`reason-gate.ts`). */
  lift: HistoryLift;
}

/** The items' own candidate-role vectors (cached), row after row. */
function stableVectors(vectors: VectorCache, items: readonly WireItem[], dims: number, out = new Float32Array(items.length * dims)): Float32Array {
  items.forEach((item, i) => out.set(vectors.get(item, 'target'), i * dims));
  return out;
}

/**
 * Stage 1, features → vectors. A zero-training model builds its vectors per list: weighed by
 * rarity (in the list, and in the catalogue when the model carries its counts), with coordinates
 * of their own for the features the list and history share. Otherwise each item's stable vectors.
 */
export function listVectors({ model, vectors }: RankContext, head: readonly WireItem[], hist: readonly HistoryEntry[], knobs: RankKnobs): ListVectors {
  const { dims, beta } = model.params;
  const candidates = new Float32Array(head.length * dims);
  const history = new Float32Array(hist.length * dims);
  const weights = new Float32Array(hist.length);
  hist.forEach((h, i) => (weights[i] = h.weight));
  const exact = usesExactOverlap(model);
  const sets = model.table ? undefined : head.map((item) => vectors.features(item));
  const rarity = sets && taxonomyRarity(model, sets);
  const listSets = exact || rarity ? sets : undefined;
  if (listSets) {
    listCoordinates(listSets, hist.map((h) => vectors.features(h.item)), model, rarity, candidates, history, { exact, withinList: (knobs.diversity ?? 0) > 0 });
  } else {
    stableVectors(vectors, head, dims, candidates);
    hist.forEach((h, i) => history.set(vectors.get(h.item, 'context'), i * dims));
  }
  return { dims, candidates, n: head.length, history, m: hist.length, weights, beta, perList: listSets !== undefined };
}

/** Stage 2, the scorer backend's attention over the history. */
export function score({ scorer }: RankContext, v: ListVectors): Promise<ScoreOutput> {
  return scorer.score(v);
}

/**
 * Stage 3, after the scorer, in JS, so every backend gets the same adjustments: a trained
 * model's "shoppers went on to" lists, the learned personal term u·t_c, then the repeat-purchase
 * demotion and the cart's cap (last, so nothing lifts a just-bought or carted item back).
 */
export function adjustScores({ model, vectors, personal }: RankContext, raw: Float32Array, { dims, candidates, perList, weights, beta }: ListVectors, head: readonly WireItem[], hist: readonly HistoryEntry[]): AdjustedScores {
  const scores = Float32Array.from(raw);
  const lifted = applyNextItems(scores, model, hist, head);
  // u lives in the space of the items' own vectors (`targetVector`, what the learner trains
  // on), not in a list's coordinates.
  const on = personal && personal.modelVersion === model.version ? personal.u : undefined;
  const learned = on && (perList ? addPersonalTermByRow(scores, (i) => vectors.get(head[i]!, 'target'), dims, on) : addPersonalTerm(scores, candidates, dims, on));
  const demotedBy = demoteRepurchases(scores, head, hist, model.params.repurchase);
  const lift = historyLift(scores, weights, beta);
  capInCart(scores, head, hist, lift.neutral);
  return { scores, lifted, learned, demotedBy, lift };
}

/**
 * Stage 4, the order: blended with the original position, then the knobs (exploration, diversity,
 * privacy noise), then the default variety at the top (`rank/vary-top.ts`). `place[i]` is item
 * i's place in it, before the shop's rules.
 */
export function arrange({ model, random }: RankContext, top: Int32Array, scores: Float32Array, { dims, beta, candidates, history, weights }: ListVectors, head: readonly WireItem[], knobs: RankKnobs) {
  const attention = topAttention(top, candidates, history, weights, dims, beta);
  const placed = arrangeScores(scores, attention.similarity, candidates, dims, model.params.positionWeight, knobs, random);
  const varied = varyTop(placed.order, head, knobs.maxSameCategory ?? MAX_SAME_CATEGORY);
  const place = new Int32Array(head.length);
  varied.order.forEach((item, pos) => (place[item] = pos));
  const diversified = placed.diversified.map((d, i) => d || varied.pulled[i]!);
  return { ...placed, order: varied.order, diversified, place, contribution: attention.contribution };
}

/**
 * Stage 5, the shop's rules and rotation (`rank/rules.ts`), over the whole order after every
 * knob, so pins keep their slots; the history is read only when a rule or rotation asks.
 */
export function merchandise(ctx: RankContext, candidates: readonly WireItem[], order: number[], knobs: RankKnobs): RuledOrder {
  const rotation = knobs.rotation && knobs.rotation.rate > 0 && !knobs.shopOrder ? knobs.rotation : undefined;
  if (!knobs.rules && !rotation) return { order, promoted: [], excluded: [] };
  const facts = rulesReadHistory(knobs.rules) ? shopperFacts(ctx.events) : undefined;
  const sink = rotation && rotationSink(ctx.events, candidates, rotation, ctx.now());
  return applyRules(candidates, order, knobs.rules, facts, sink);
}

/**
 * Stage 6, reasons for the places a shopper can see; items further down get none, so a long
 * list stays cheap. Items the rules placed say so first.
 */
export function explain(placed: ReturnType<typeof arrange>, ruled: RuledOrder, adjusted: AdjustedScores, top: Int32Array, head: readonly WireItem[], hist: readonly HistoryEntry[], total = head.length): Reason[][] {
  const reasons: Reason[][] = Array.from({ length: total }, () => []);
  const wouldBeAt = neutralPlaces(adjusted.scores, placed.prior, adjusted.lift.neutral);
  for (const i of ruled.order.slice(0, REASONED_PLACES)) {
    reasons[i] = i < head.length ? modelReasons(i, placed, adjusted, top, head, hist, wouldBeAt) : [];
    if (ruled.promoted[i]) reasons[i].unshift({ ...PROMOTED_REASON });
  }
  return reasons;
}

/**
 * History reasons (similar, brand, category, next, learned) only where the history placed the
 * item (`reason-gate.ts`): it raised the score, the item did not move down, chance did not lift it.
 */
function modelReasons(i: number, placed: ReturnType<typeof arrange>, adjusted: AdjustedScores, top: Int32Array, head: readonly WireItem[], hist: readonly HistoryEntry[], wouldBeAt: (i: number) => number): Reason[] {
  const moves = { explored: placed.explored[i]!, noised: placed.noised[i]!, diversified: placed.diversified[i]! };
  const bought = adjusted.demotedBy[i];
  if (bought) return [boughtReason(head[i]!, bought), ...reasonsFor(head[i]!, undefined, 0, moves)];
  const explains = historyExplains(i, placed.place[i]!, adjusted.lift, moves.explored || moves.noised, wouldBeAt(i));
  const reasons = reasonsFor(head[i]!, explains ? hist[top[i]!] : undefined, placed.contribution(i), moves);
  if (!explains) return reasons;
  const lift = adjusted.lifted?.[i];
  const next = lift ? nextReason(hist[lift.from]!, lift.factor) : undefined;
  if (next) reasons.push(next);
  const why = adjusted.learned ? learnedReason(adjusted.learned[i]!) : undefined;
  if (why) reasons.push(why);
  return reasons;
}

/** Stages 1–3 alone: the scores a rank without knobs returns (0 past the cap or with no history). */
export async function scoreOnly(ctx: RankContext, candidates: readonly WireItem[], hist: readonly HistoryEntry[]): Promise<Float32Array> {
  const scores = new Float32Array(candidates.length);
  const head = candidates.slice(0, LIMITS.maxCandidates);
  if (hist.length === 0 || head.length === 0) return scores;
  const v = listVectors(ctx, head, hist, {});
  const out = await score(ctx, v);
  scores.set(adjustScores(ctx, out.scores, v, head, hist).scores);
  return scores;
}

/**
 * Runs the stages over the first `LIMITS.maxCandidates` candidates; the rest keep their places
 * after them (the rules then apply to the whole list). `order` leaves out what the rules excluded.
 */
export async function rankList(ctx: RankContext, candidates: readonly WireItem[], hist: readonly HistoryEntry[], knobs: RankKnobs, started: number): Promise<EngineRankResult> {
  const n = Math.min(candidates.length, LIMITS.maxCandidates);
  const head = candidates.slice(0, n);
  const tail = Array.from({ length: candidates.length - n }, (_, k) => n + k);
  if (hist.length === 0 || n === 0 || knobs.shopOrder) {
    // Nothing known (or the holdout arm): the shop's order, with its rules only (knobs need something to work on).
    const ruled = merchandise(ctx, candidates, [...head.keys(), ...tail], knobs);
    const reasons = candidates.map((_, i): Reason[] => (ruled.promoted[i] ? [{ ...PROMOTED_REASON }] : []));
    return { order: ruled.order, scores: new Array<number>(candidates.length).fill(0), reasons, backend: 'none', ms: ctx.now() - started, ...excludedOf(ruled) };
  }
  const v = listVectors(ctx, head, hist, knobs);
  const out = await score(ctx, v);
  const adjusted = adjustScores(ctx, out.scores, v, head, hist);
  const placed = arrange(ctx, out.top, adjusted.scores, v, head, knobs);
  const ruled = merchandise(ctx, candidates, [...placed.order, ...tail], knobs);
  const reasons = explain(placed, ruled, adjusted, out.top, head, hist, candidates.length);
  return {
    order: ruled.order,
    scores: [...adjusted.scores, ...tail.map(() => 0)],
    reasons,
    backend: ctx.scorer.backend,
    ms: ctx.now() - started,
    ...(placed.epsilon === undefined ? {} : { epsilon: placed.epsilon }),
    ...excludedOf(ruled),
  };
}

const excludedOf = (ruled: RuledOrder) => (ruled.excluded.length > 0 ? { excluded: ruled.excluded } : {});
