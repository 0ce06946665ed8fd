/**
 * Public types of Hearth. Everything here is plain data: it crosses the page ↔ worker
 * boundary by structured clone, so no classes, functions or DOM nodes.
 */

/** Backends the interest model can run on, fastest-first on real hardware. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/**
 * What scored a list: a tfjs backend, or `'js'`, the plain-JS reference scorer (the same math,
 * which every backend is tested against). `'js'` answers the first ranks after page load while
 * the tfjs backend loads and passes its self-test, and all ranks if no tfjs backend can start.
 */
export type ScorerName = BackendName | 'js';

/** `'auto'` picks the fastest correct backend; a named one is tried first, then the rest in order. */
export type BackendChoice = 'auto' | BackendName;

/** A value an item attribute may hold. */
export type AttributeValue = string | number | boolean | string[];

/**
 * A product as the shop's page already knows it. Only `id` is required; every other field
 * sharpens the model (title words, brand, categories, price band and attributes are hashed
 * into features, so no catalogue is needed).
 *
 * @example
 * { id: 'sku-42', title: 'Trail running shoe', brand: 'Salomon', categories: ['Shoes', 'Running'], price: 129 }
 */
export interface Item {
  id: string;
  title?: string;
  brand?: string;
  categories?: string[];
  /** Price in the shop's currency; only its order of magnitude is used (price band). */
  price?: number;
  attributes?: Record<string, AttributeValue>;
}

/** What the shopper did. Strength grows left to right; an impression that is never clicked is a weak negative. */
export const EVENT_TYPES = ['impression', 'view', 'click', 'add_to_cart', 'purchase'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * One shopper action.
 * @example
 * hearth.track({ type: 'click', item: { id: 'sku-42', brand: 'Salomon' }, listId: 'category:shoes', position: 3 })
 */
export interface TrackEvent {
  type: EventType;
  item: Item;
  /** Which list the item was shown in (e.g. `'search'`, `'category:shoes'`). */
  listId?: string;
  /** 0-based position of the item in that list. */
  position?: number;
  /** Milliseconds the shopper spent on the item (product page dwell). */
  dwellMs?: number;
  /** When it happened, epoch milliseconds; default now. */
  at?: number;
  /**
   * The shop's order (transaction) id of a purchase. A purchase of the same item under the same
   * order id is recorded once, so a reloaded confirmation page that reports the order again
   * (GA4 pushes `purchase` on every load) does not count it twice.
   */
  orderId?: string;
}

/** Privacy noise set by its guarantee: ε per placed position (larger ε, less noise; 0 would be a random order). */
export interface PrivacyNoise {
  epsilon: number;
}

/** Options of one rerank / rank call. */
export interface RerankOptions {
  /** Which list this is (e.g. `'search'`). */
  listId?: string;
  /** Return only the first `limit` items (after reranking). */
  limit?: number;
  /** Time budget of this call in milliseconds; past it the original order is returned. */
  timeoutMs?: number;
  /**
   * 0–1, default 0 (deterministic). Gives items the model knows little about a chance to rise
   * (Thompson sampling: a random draw around each score, wider where uncertainty is higher).
   */
  exploration?: number;
  /** 0–1, default 0. Trades relevance for variety (maximal marginal relevance over item vectors). */
  diversity?: number;
  /**
   * Default 6: at most this many items of one category in the first 10 places (the category
   * level at which the list's items differ; the next item of another category takes the place).
   * 10 turns it off.
   */
  maxSameCategory?: number;
  /**
   * Default off. Randomises the order so that it reveals a bounded amount about the history:
   * each position is drawn with the exponential mechanism at `{ epsilon: ε }` for any two
   * histories (the personal score is clipped to ±1); smaller ε, more noise. Accuracy at each ε:
   * BENCHMARKS.md › Defaults a merchandiser accepts › Privacy noise by ε. The older form,
   * a number p in 0–1, means ε = 2·(1 − p)/p (0 off). `RankResult.epsilon` reports ε per position.
   */
  privacyNoise?: number | PrivacyNoise;
  /**
   * The shop's merchandising rules, applied after personalisation (and in the shop's own order
   * when Hearth falls back or has no history yet). See {@link MerchandisingRules}.
   */
  rules?: MerchandisingRules;
  /**
   * Default off. Items shown to this shopper many times without a click drift down; see {@link Rotation}.
   */
  rotation?: Rotation;
}

/**
 * Which items a rule applies to. Matches when every given field matches (an empty match matches
 * every item). Brand and category compare trimmed and case-insensitively.
 */
export interface ItemMatch {
  /** The item's id is one of these. */
  ids?: string[];
  brand?: string;
  /** One of the item's categories. */
  category?: string;
  /** The item's attribute `name` equals `value` (a string[] attribute: contains it, or all of an array value). */
  attribute?: { name: string; value: AttributeValue };
  /**
   * From this shopper's on-device history: bought it (`true`) or not (`false`). Needs the
   * history, so where Hearth has none to read (fallback, no worker) a match with it matches nothing.
   */
  purchased?: boolean;
  /** Added to the cart and not bought since (same caveat as `purchased`). */
  inCart?: boolean;
}

/**
 * Merchandising rules. Order of application: `exclude`, then `boost`, then `pin`. An item both
 * excluded and pinned is excluded.
 */
export interface MerchandisingRules {
  /** Items matching any entry are left out of the result (and of `scores`). */
  exclude?: ItemMatch[];
  /**
   * The item with this id is placed at this 0-based position when it is in the list (at the end
   * of a shorter list). Two pins on one slot: the first listed keeps it, the next takes the next free one.
   */
  pin?: Array<{ id: string; position: number }>;
  /**
   * Matching items rise (weight > 0) or sink (weight < 0), in places: weight 3 moves an item up
   * three places of the personalised order (ties go to the boosted item), −3 down three. The weights
   * of every matching entry add up; at most ±1,000,000.
   */
  boost?: Array<{ match: ItemMatch; weight: number }>;
}

/**
 * Rotation (Recombee's rotationRate/rotationTime). An impression of an item this shopper has not
 * clicked, viewed, carted or bought since counts e^(−age/hours): after `hours` it counts 0.37, after
 * 3·`hours` 0.05. With c such impressions an item sinks by rate · (1 − e^(−c/3)) of the list's
 * length in places: three fresh ignored impressions at rate 1 sink it 63% of the list.
 */
export interface Rotation {
  /** 0–1: how far a much-ignored item sinks. */
  rate: number;
  /** Hours over which an ignored impression fades (0 < hours ≤ 8760). */
  hours: number;
}

/** The arm of an A/B experiment this browser is in. */
export type ExperimentArm = 'personalised' | 'holdout';

/** An A/B experiment: `holdout` (0–1) is the share of browsers that keep the shop's order. */
export interface ExperimentOptions {
  /** Non-empty, at most 256 characters; a new id draws every browser's arm again. */
  id: string;
  holdout: number;
}

/** Which arm of which experiment this browser is in (`Hearth.experiment()`). */
export interface ExperimentAssignment {
  id: string;
  arm: ExperimentArm;
}

/** Why an item was placed where it is; derived from the model's own contributions. */
export interface Reason {
  /** `'promoted'`: placed by the shop's rules (pinned, or boosted up). */
  /**
   * `'noise'`: privacy noise placed it well above where its score would (no history reason is given then).
   * `'seen'` is no longer given (impressions do not enter the history a rank reads); kept so code that names it still compiles.
   */
  kind: 'similar' | 'brand' | 'category' | 'seen' | 'exploring' | 'variety' | 'bought' | 'learned' | 'next' | 'promoted' | 'noise';
  /** A short phrase to show the shopper, e.g. "because you viewed “Trail shoe”". */
  text: string;
  /** The history item behind the reason, if any. */
  itemId?: string;
  /** Its contribution to the item's score. */
  weight?: number;
}

/** One interest with its weight (the model's own event weights) and share of the total. */
export interface WeightedInterest {
  name: string;
  weight: number;
  share: number;
}

export interface InterestSummary {
  categories: WeightedInterest[];
  brands: WeightedInterest[];
  /** Price bands, named like "22–31", with their bounds. */
  priceBands: Array<WeightedInterest & { min: number; max: number }>;
}

/** The shopper's interests, readable to show them what Hearth holds. */
export interface InterestProfile {
  events: number;
  /** Epoch ms of the oldest stored event. */
  since?: number;
  longTerm: InterestSummary;
  /** Since the last pause of 30 minutes or more. */
  session: InterestSummary & { events: number };
}

/** Everything Hearth stores about this shopper, as plain JSON (`Hearth.export()`). */
export interface HearthExport {
  format: 'hearth-export';
  version: 1;
  exportedAt: number;
  consent: ConsentState;
  events: Array<TrackEvent & { at: number }>;
  profile: InterestProfile;
}

/** Result of {@link Hearth.rank}. */
export interface RankResult<T extends Item> {
  /** The same objects that were passed in, in the new order. */
  items: T[];
  /** Model score of each returned item (same order as `items`); 0 when `fallback`. */
  scores: number[];
  /** True when the original order was returned because ranking failed or ran out of time. */
  fallback: boolean;
  /**
   * What scored the list: a tfjs backend, `'js'` (the plain-JS reference, same math) while the
   * tfjs backend is still starting after page load, or `'none'` on fallback or with no history yet.
   */
  backend: ScorerName | 'none';
  /** Wall time of the call on the page, milliseconds. */
  ms: number;
  /** Why each item is where it is (same order as `items`), for the top 200 places; below those, and on fallback, only the shop's rules' `'promoted'`. */
  reasons: Reason[][];
  /** With `privacyNoise`, the ε of each placed position (see {@link RerankOptions.privacyNoise}). */
  epsilon?: number;
  /** With an experiment (`createHearth({ experiment })`), this browser's arm; `'holdout'` lists keep the shop's order (with its rules). */
  arm?: ExperimentArm;
}

/** Whether this shopper agreed to a history being kept on their device. */
export const CONSENT_STATES = ['granted', 'pending', 'denied'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** Result of {@link Hearth.ready}. */
export interface ReadyInfo {
  /** The tfjs backend that scores from now on; `'js'` only if no tfjs backend could start (ranks then use the plain-JS reference scorer). */
  backend: ScorerName;
  /** Number of events in this shopper's stored history. */
  events: number;
}

/**
 * What to forget: one item, a brand, a category, a time range (epoch ms, either end optional),
 * or everything.
 */
export type ForgetRequest = { itemId: string } | { brand: string } | { category: string } | { from?: number; to?: number } | { all: true };
