/**
 * Hearth: on-device personalisation for e-commerce lists.
 * The public ESM entry: `createHearth` and the public types, nothing else.
 */
export { createHearth } from './page/client/create-hearth.js';
export type {
  AttributeValue,
  BackendChoice,
  BackendName,
  ConsentState,
  EventType,
  ForgetRequest,
  Hearth,
  HearthOptions,
  Item,
  RankResult,
  ReadyInfo,
  RerankOptions,
  ScorerName,
  TrackEvent,
} from './core/types.js';
export { CONSENT_STATES, EVENT_TYPES } from './core/types.js';
