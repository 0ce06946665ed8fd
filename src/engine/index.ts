/**
 * The environment-neutral engine, for Node: benchmarks, the trainer and server-side tools.
 * Nothing here touches the DOM or imports tfjs.
 */
export { createEngine, type Engine, type EngineOptions, type EngineRankResult } from './engine.js';
export { createMemoryStore } from '../store/memory-store.js';
export type { EventStore } from '../store/event-store.js';
export { createDefaultModel, type InterestModel, type EmbeddingTable } from '../model/model.js';
export { DEFAULT_PARAMS, type ModelParams } from '../model/params.js';
export { createJsScorer, scoreReference } from '../model/score-js.js';
export { createTfScorer } from '../model/score-tf.js';
export type { Scorer, ScoreInput, ScoreOutput } from '../model/scorer.js';
export { validateEvent, candidateItems } from '../core/validate.js';
export { encodeCandidates, type EncodedCandidates } from '../core/candidate-wire.js';
export type { WireEvent, WireItem, StoredEvent } from '../core/wire.js';
