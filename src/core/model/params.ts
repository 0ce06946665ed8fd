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
  /** Exponent of list rarity (`list-rarity.ts`); absent: `DEFAULT_RARITY_POWER` (1). */
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
  /** Repeat-purchase sense learned by the trainer (`tools/train/repurchase.ts`); absent: nothing is consumable. */
  repurchase?: RepurchaseParams;
  /** How the table's "shoppers went on to" lists weigh in (`next-items.ts`); absent: not at all. */
  nextItems?: NextItemParams;
}

/** Per-category repurchase rates from the site's sequences; see `src/core/learn/repurchase.ts`. */
export interface RepurchaseParams {
  /** Category → share of its items' occurrences that repeat an item the same shopper had before. */
  rates: Record<string, number>;
}

export const DEFAULT_PARAMS: ModelParams = Object.freeze({
  dims: 128,
  // id 0.5: an item matches itself at any id weight; with exact overlap (`list-coordinates.ts`) a
  // heavier id only lengthens the vector and damps items with few other features (BENCHMARKS.md › Figures moved from code comments).
  fieldWeights: Object.freeze({ id: 0.5, brand: 0.8, category: 1, word: 0.6, price: 0.35, attr: 0.5, bias: 0 }),
  actionWeights: Object.freeze({ impression: -0.05, view: 0.5, click: 1, add_to_cart: 2, purchase: 3 }),
  halfLifeHours: 24 * 14,
  // Per engaged item back (impressions are no steps: `history.ts` weighInOrder): what the shopper did
  // last says most about what comes next; older interests still count (BENCHMARKS.md › Zero-training › Ninth session).
  orderDecay: 0.85,
  dwellGain: 0.25,
  dwellRefMs: 10_000,
  beta: 4,
  // Swept over bestseller-ordered lists (`npm run bench:position`). The blend is on raw scores, so
  // re-sweep when their spread changes (BENCHMARKS.md › Zero-training › The shop's order: positionWeight).
  positionWeight: 0.07,
  historyWindow: 128,
  unknownFeatures: 'random',
  sessionBoost: 4,
}) as ModelParams;
