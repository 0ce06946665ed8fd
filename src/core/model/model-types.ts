/*
 * The model's data shapes, in one place that imports no behaviour: what model.json decodes to,
 * what the engine, the trainer and the format read. Behaviour modules import these; nothing here
 * imports them back.
 */
import type { EventType } from '../types.js';

/**
 * Learned feature vectors from a site-trained model. `keys` are feature hashes, sorted, so a
 * lookup is a binary search over a typed array (no Map of thousands of entries to build).
 * `context` vectors describe an item as part of the shopper's history, `target` vectors as a
 * candidate; the two roles let a trained model learn "after X, people want Y".
 */
export interface EmbeddingTable {
  keys: Uint32Array;
  context: Float32Array;
  target: Float32Array;
  /** Where the site's shoppers went next from each item (`next-items.ts`); absent in older models. */
  next?: NextItems;
}

/** A complete interest model: its knobs and, when site-trained, its learned vectors. */
export interface InterestModel {
  /** Changes whenever the vectors or knobs change; caches key on it. */
  version: string;
  params: ModelParams;
  table?: EmbeddingTable;
  /**
   * Feature counts over the shop's whole catalogue (`catalog-rarity.ts`): product-feed
   * statistics, no behaviour. A zero-training model weighs its taxonomy features by them.
   */
  catalog?: CatalogCounts;
}

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

/**
 * A site-trained model's "shoppers went on to" lists: for each table row that is an item id, the
 * items the site's shoppers most often moved to within the next few steps, with the share of that
 * item's onward moves each took. CSR over table rows: row r's neighbours are
 * `rows[offsets[r]..offsets[r+1])` (rows of the same table) with `weights` beside them.
 *
 * Why beside the learned vectors: 64 dimensions smooth item-to-item transitions into taste; a
 * short sparse list keeps the sharp ones ("this refill after that device"). Together they rank
 * better than either (BENCHMARKS.md › Ablations › "Shoppers went on to" lists).
 */
export interface NextItems {
  offsets: Uint32Array;
  rows: Uint32Array;
  weights: Float32Array;
}

/** How the lists enter a score: score × (1 + lambda·t)^gamma, t = Σ_k recency^k · weight(h_k → c). */
export interface NextItemParams {
  /** Strength, chosen by the trainer on the validation item (0 = off). */
  gamma: number;
  /** Scale of a transition share before the log: shares are small, so this sets where it saturates. */
  lambda: number;
  /** Multiplier per step back in the shopper's history: the latest item leads. */
  recency: number;
}

/**
 * How many of the shop's items carry each taxonomy feature (and which features go together:
 * `catalog-relations.ts`): statistics of the product feed alone, no shopper's behaviour, so a
 * brand-new shop can ship them (`npm run train -- --catalog-only`) and still be running the
 * zero-training model.
 *
 * Why: list rarity (`list-rarity.ts`) estimates a feature's frequency from the ~100 items of
 * one list, where every feature held by one or two of them looks equally rare. A leaf category
 * of 20 products and one of 600 are then alike, though a match on the first says far more.
 * Counted over the whole catalogue, rarity tells them apart (BENCHMARKS.md › Zero-training ›
 * Seventh session: catalogue counts).
 */
export interface CatalogCounts {
  /** Items counted. */
  items: number;
  /** Feature hashes, sorted ascending, unique. */
  keys: Uint32Array;
  /** How many items carry `keys[k]` (each item once per feature). */
  counts: Uint32Array;
  /** A few features held with each, those lying most within it (`catalog-relations.ts`); absent in older models. */
  related?: CatalogRelations;
}

/**
 * Which taxonomy features go together on the shop's products: for each brand, category or attr,
 * a few others held by the same items (those lying most within it: `relateCatalog`), with how
 * many items hold both. Product-feed statistics, like the counts in `catalog-rarity.ts`: no
 * shopper's behaviour.
 *
 * Why: with exact overlap, an item that shares no brand or category with anything the shopper
 * looked at scores as if the shopper had no history at all, and on the benchmark sets many targets
 * are such items (BENCHMARKS.md › Zero-training › Seventh session: catalogue counts). Yet a shop's
 * taxonomy knows more than exact matches: "Nail Polish" and "Nail Art" sit on many of the same
 * products, two sibling leaf categories under one rarely-used parent. So each item also carries,
 * at reduced weight, the features its own features are seen with (a query expansion over the
 * catalogue), each at P(g | f) = items holding f and g ÷ items holding f, for
 * `RELATED_PER_FEATURE` g of each f. Chosen on the validation item: see `DEFAULT_RELATED_WEIGHT`.
 */
export interface CatalogRelations {
  /** Feature k's related features are entries offsets[k]..offsets[k + 1] − 1 (k indexes the counts' keys). */
  offsets: Uint32Array;
  /** Index into the counts' keys of each related feature. */
  targets: Uint32Array;
  /** How many items carry both the feature and its related one. */
  together: Uint32Array;
}

/**
 * An item's features, grouped by field. Each group is weighted as a whole, so an item with
 * twelve title words does not drown its brand: see `item-vector.ts`.
 */
export const FEATURE_FIELDS = ['id', 'brand', 'category', 'word', 'price', 'attr', 'bias'] as const;
export type FeatureField = (typeof FEATURE_FIELDS)[number];
