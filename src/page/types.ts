/*
 * The page's API: the options of `createHearth` and the instance it returns. The data they carry
 * is in `core/types.ts`, shared with the worker.
 */
import type {
  BackendChoice,
  ConsentState,
  ExperimentAssignment,
  ExperimentOptions,
  ForgetRequest,
  HearthExport,
  InterestProfile,
  Item,
  RankResult,
  ReadyInfo,
  RerankOptions,
  TrackEvent,
} from '../core/types.js';

/** Options of {@link createHearth}. */
export interface HearthOptions {
  /** IndexedDB database name; default `"hearth"`. */
  dbName?: string;
  /** Which tfjs backend to use; default `'auto'`. */
  backend?: BackendChoice;
  /** URL of site-trained weights (`model.json` made by `npm run train`); optional. */
  modelUrl?: string;
  /** Where the worker script is; default `hearth.worker.js` beside the module. */
  workerUrl?: string | URL;
  /** Default time budget of a rerank in milliseconds; default 50. */
  timeoutMs?: number;
  /** Most events kept for this shopper (oldest pruned first); default 10,000, between 100 and 1,000,000. */
  maxEvents?: number;
  /**
   * The shopper's consent to keeping a history on this device; default `'granted'`.
   * `'pending'` keeps events in memory for this page only; `'denied'` records nothing and deletes
   * what was stored. Change it later with {@link Hearth.setConsent}.
   */
  consent?: ConsentState;
  /** Treat `navigator.globalPrivacyControl === true` as `consent: 'denied'`; default false (the shop opts in). */
  respectGlobalPrivacyControl?: boolean;
  /**
   * Follow the consent signal the shop already has instead of `consent`/`setConsent`:
   * `'gtag'`, Google consent mode's `personalization_storage` (`gtag('consent', 'default' |
   * 'update', …)`, before or after Hearth loads); `'shopify'`, the Customer Privacy API's
   * preferences signal. Until the signal says, `'pending'`. Global Privacy Control (when
   * respected) still wins.
   */
  consentFrom?: 'gtag' | 'shopify';
  /**
   * An A/B test of Hearth itself: each browser draws its arm once per `id` (at random, stored on
   * the device with consent); the `holdout` share keeps the shop's order (with its rules) while
   * still recording events. The arm goes to the shop's analytics as a `hearth_exposure` dataLayer
   * push and a `hearth:exposure` event; see the README's "Measuring the lift".
   */
  experiment?: ExperimentOptions;
}

/** A Hearth instance: the page's handle on the worker that holds the shopper's model. */
export interface Hearth {
  /**
   * Resolves once the worker, the store and the tfjs backend are up. Ranks do not wait for it:
   * until then they are scored by the plain-JS reference (`RankResult.backend === 'js'`).
   */
  ready(): Promise<ReadyInfo>;
  /** Records a shopper action. Rejects only on invalid input, naming the bad field. */
  track(event: TrackEvent): Promise<void>;
  /** Reorders `items` for this shopper. Never rejects for runtime failures: returns the original order. */
  rerank<T extends Item>(items: T[], options?: RerankOptions): Promise<T[]>;
  /** Like `rerank`, with scores and diagnostics. */
  rank<T extends Item>(items: T[], options?: RerankOptions): Promise<RankResult<T>>;
  /** Removes events: one item's, a brand's, a category's, a time range's, or all of them. */
  forget(what: ForgetRequest): Promise<void>;
  /** The shopper's interests as the model weighs them (top categories, brands, price bands; session vs long-term). */
  profile(): Promise<InterestProfile>;
  /** Everything stored about this shopper, as JSON-ready data. */
  export(): Promise<HearthExport>;
  /** Stops the worker and closes the database. Later calls fall back to the original order. */
  close(): Promise<void>;
  /**
   * Changes consent. `'granted'` stores what was held while pending; `'denied'` deletes the
   * stored history and records nothing more; `'pending'` stops writing but keeps what is stored.
   * @example cmp.onChange((ok) => hearth.setConsent(ok ? 'granted' : 'denied'));
   */
  setConsent(state: ConsentState): Promise<void>;
  /** This browser's arm of the experiment, or `null` without one. */
  experiment(): Promise<ExperimentAssignment | null>;
}
