/**
 * The environment-neutral engine, for Node: benchmarks, the trainer and server-side tools.
 * Nothing here touches the DOM or imports tfjs.
 */
export { createEngine, type Engine, type EngineOptions, type EngineRankResult } from './core/engine/engine.js';
export { createMemoryStore } from './core/store/memory-store.js';
export type { EventStore } from './core/store/event-store.js';
export { createDefaultModel } from './core/model/model.js';
export type { InterestModel, EmbeddingTable } from './core/model/model-types.js';
export { DEFAULT_PARAMS } from './core/model/params.js';
export type { ModelParams } from './core/model/model-types.js';
export { createJsScorer, scoreReference } from './core/score/score-js.js';
export { createTfScorer } from './core/score/score-tf.js';
export type { Scorer, ScoreInput, ScoreOutput } from './core/score/scorer.js';
export { validateEvent, candidateItems } from './core/wire/validate.js';
export { encodeCandidates } from './core/wire/candidate-wire.js';
export type { EncodedCandidates, ForgetWire, RankKnobs, StoredEvent, WireEvent, WireItem } from './core/wire/wire.js';
export type { InterestProfile, Reason } from './core/types.js';
