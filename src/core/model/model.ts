import { DEFAULT_PARAMS } from './params.js';
import type { InterestModel, ModelParams } from './model-types.js';

/** The zero-training model: hashed random feature vectors, default knobs. */
export function createDefaultModel(overrides: Partial<ModelParams> = {}): InterestModel {
  return { version: 'default-1', params: { ...DEFAULT_PARAMS, ...overrides } };
}
