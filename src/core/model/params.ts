import type { EventType } from '../types.js';
import type { FeatureField } from './features.js';
import type { NextItemParams } from './next-items.js';

/**
 * The interest model's knobs. Defaults are the zero-training model: they make a brand-new
 * shop personalise from feature overlap alone. Site-trained weights (`load-model.ts`)
 * replace them wholesale.
 */
export interface ModelParams {
  /** Width of item vectors. */
  dims: number;
  /** Weight of each feature group in an item's vector. */
  fieldWeights: Record<FeatureField, number>;
  /** Signed strength of each action; impressions that were not clicked are weak negatives. */
  actionWeights: Record<EventType, number>;
  /** Half-life of an event's weight, hours of wall time. */
  halfLifeHours: number;
  /** Multiplier per step back in the shopper's sequence of distinct items (1 = no order decay). */
  orderDecay: number;
  /** Extra weight for long dwell: weight × (1 + dwellGain × log1p(dwellMs / dwellRefMs)). */
  dwellGain: number;
  dwellRefMs: number;
  /** Sharpness of the similarity kernel exp(beta·(s − 1)): high beta attends to the closest history items. */
  beta: number;
  /** How strongly the server's original position holds: score − positionWeight·ln(1 + position). */
  positionWeight: number;
  /** Distinct recent history items the model attends over. */
  historyWindow: number;
  /** Features missing from a learned table get a hashed random vector ('random') or none ('zero'). */
  unknownFeatures: 'random' | 'zero';
  /**
   * L2-normalise item vectors (default true: similarity is a cosine). Site-trained models turn it
   * off so learned vector lengths can carry popularity and confidence.
   */
  normalize?: boolean;
  /**
   * Learned recency curve: extra multiplier of the k-th most recent distinct item (index k; the
   * last value holds for older items). Absent: 1 for all, so only `orderDecay` applies.
   */
  orderWeights?: number[];
  /**
   * Multiplier of events in the current session (since the last pause of `SESSION_GAP_MS`), so
   * what the shopper is after right now outweighs long-term history; 1 = off. Absent: 1.
   */
  sessionBoost?: number;
  /**
   * Weigh each feature by how rare it is among the candidates being ranked (`list-rarity.ts`), so
   * what every candidate shares does not count as a match. Zero-training models only (a learned
   * table ignores it). Absent: on.
   */
  listRarity?: boolean;
  /** Exponent of list rarity (`list-rarity.ts`); absent: `DEFAULT_RARITY_POWER` (2). */
  rarityPower?: number;
  /**
   * Give the features shared within a rank call coordinates of their own, so similarities are
   * exact cosines rather than hashed approximations (`list-coordinates.ts`). Zero-training models
   * only. Absent: on.
   */
  exactOverlap?: boolean;
  /**
   * How much of the features related to its own in the catalogue an item carries, when the model
   * lists relations (`catalog-relations.ts`); 0 = none. Zero-training models only. Absent:
   * `DEFAULT_RELATED_WEIGHT` (0.6).
   */
  relatedWeight?: number;
  /** Repeat-purchase sense learned by the trainer (`src/train/repurchase.ts`); absent: nothing is consumable. */
  repurchase?: RepurchaseParams;
  /** How the table's "shoppers went on to" lists weigh in (`next-items.ts`); absent: not at all. */
  nextItems?: NextItemParams;
}

/** Per-category repurchase rates from the site's sequences; see `src/learn/repurchase.ts`. */
export interface RepurchaseParams {
  /** Category → share of its items' occurrences that repeat an item the same shopper had before. */
  rates: Record<string, number>;
}

export const DEFAULT_PARAMS: ModelParams = Object.freeze({
  dims: 128,
  // id 0.5: an item is identical to itself whatever the weight; otherwise, with exact overlap
  // (`list-coordinates.ts`), the id only lengthens the vector, which damps the similarity of
  // items that have few other features. Chosen on the validation item (Beauty / Sports sampled
  // HR@10: 0.25 → 0.4063 / 0.4171, 0.5 → 0.4071 / 0.4179, 1 → 0.4054 on Beauty). Over hashed
  // vectors a heavy id had added noise: 1 cost 0.03 there.
  fieldWeights: Object.freeze({ id: 0.5, brand: 0.8, category: 1, word: 0.6, price: 0.35, attr: 0.5, bias: 0 }),
  actionWeights: Object.freeze({ impression: -0.05, view: 0.5, click: 1, add_to_cart: 2, purchase: 3 }),
  halfLifeHours: 24 * 14,
  // 0.85 per engaged item back (impressions are no steps: `history.ts` weighInOrder). Validation
  // item, engine, all users, catalogue model, HR@10 / NDCG@10: 0.98 → 0.85 took Beauty from
  // 0.4200 / 0.2693 to 0.4214 / 0.2720 and Sports from 0.4381 / 0.2595 to 0.4405 / 0.2624; in a
  // replica 0.9 and 0.8 stayed within 0.001 of 0.85 on both, 0.7 lost 0.003 on Beauty
  // (BENCHMARKS.md › Accuracy › ninth session). What the shopper did last says most about what
  // comes next; older interests still count (the 10th item back weighs 0.2).
  orderDecay: 0.85,
  dwellGain: 0.25,
  dwellRefMs: 10_000,
  beta: 4,
  // Chosen on the validation item of Beauty and Sports (bench/accuracy-position.ts, first 8,000
  // users) over a bestseller-ordered list. The blend is on raw scores, which scale with the
  // history's total weight: orderDecay 0.85 shrank them (median score range of a Sports list 0.53
  // → 0.36), so the shop's order now holds at 0.07 (HR@10 / NDCG@10 Beauty 0.4235 / 0.2498,
  // Sports 0.5101 / 0.3063) rather than 0.1 (0.4223 / 0.2514, 0.4994 / 0.3040). Earlier: 0.1 beat
  // 0.2 once exact overlap narrowed the spread, and 0.2 the old 0.05 before that.
  positionWeight: 0.07,
  historyWindow: 128,
  unknownFeatures: 'random',
  sessionBoost: 4,
}) as ModelParams;
