/**
 * Hearth: on-device personalisation for e-commerce lists.
 * The public ESM entry: `createHearth` and every type its signatures use, nothing else.
 */
export { createHearth } from './page/client/create-hearth.js';
export type { Hearth, HearthOptions } from './page/types.js';
export type {
  AttributeValue,
  BackendChoice,
  BackendName,
  ConsentState,
  EventType,
  ExperimentArm,
  ExperimentAssignment,
  ExperimentOptions,
  ForgetRequest,
  HearthExport,
  InterestProfile,
  InterestSummary,
  Item,
  ItemMatch,
  MerchandisingRules,
  PrivacyNoise,
  RankResult,
  ReadyInfo,
  Reason,
  RerankOptions,
  Rotation,
  ScorerName,
  TrackEvent,
  WeightedInterest,
} from './core/types.js';
export { CONSENT_STATES, EVENT_TYPES } from './core/types.js';
export { HEARTH_ERRORS, type HearthError, type HearthErrorName } from './core/errors.js';
