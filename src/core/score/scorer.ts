import type { BackendName } from '../types.js';

/**
 * One scoring request in flat typed arrays, ready for a GPU upload or a JS loop.
 * score[c] = Σ_h weights[h] · exp(beta · (candidates[c] · history[h] − 1))
 */
export interface ScoreInput {
  dims: number;
  /** n × dims, row-major: candidate (target-role) vectors. */
  candidates: Float32Array;
  n: number;
  /** m × dims, row-major: history (context-role) vectors. */
  history: Float32Array;
  m: number;
  /** m signed history weights. */
  weights: Float32Array;
  beta: number;
}

export interface ScoreOutput {
  /** n scores. */
  scores: Float32Array;
  /** For each candidate, the history row that contributed most (for "because you viewed…"). */
  top: Int32Array;
}

export interface Scorer {
  /** `'js'` is the plain-JS reference, used in Node and as the last resort. */
  readonly backend: BackendName | 'js';
  score(input: ScoreInput): Promise<ScoreOutput>;
  dispose(): void;
}
