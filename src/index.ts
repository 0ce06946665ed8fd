/**
 * Hearth: on-device personalisation for e-commerce lists.
 * The public ESM entry: `createHearth` and the public types, nothing else.
 */
export { createHearth } from './client/create-hearth.js';
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
} from './types.js';
export { CONSENT_STATES, EVENT_TYPES } from './types.js';
