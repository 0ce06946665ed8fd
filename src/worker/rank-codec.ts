import { transfer } from 'comlink';
import type { WireItem } from '../core/wire/wire.js';
import { REASONED_PLACES, type EngineRankResult } from '../core/engine/engine.js';
import type { ScorerName } from '../core/types.js';
import { createCandidateCache } from './candidate-cache.js';
import type { WorkerRankResult } from '../core/wire/protocol.js';

// One per worker: the candidates it has parsed, whoever asks (they are the shop's lists, not shopper data).
const candidates = createCandidateCache();

/** A rank request's candidates (`encodeCandidates` on the page) as wire items. */
export function decodeRankRequest(encoded: unknown): WireItem[] {
  return candidates.decode(encoded);
}

/**
 * The engine's answer in the shape that crosses back cheaply: order and scores as typed arrays
 * whose buffers are transferred (no copy), reasons only for the places the engine explains,
 * listed by place, instead of one (mostly empty) array per candidate.
 */
export function encodeRankResult(r: EngineRankResult): WorkerRankResult {
  const order = Int32Array.from(r.order);
  // Engine scores are float32 values already (the scorer's output), so nothing is rounded.
  const scores = Float32Array.from(r.scores);
  const reasons = Array.from({ length: Math.min(order.length, REASONED_PLACES) }, (_, k) => r.reasons[order[k]!] ?? []);
  const out: WorkerRankResult = { order, scores, reasons, backend: r.backend as ScorerName | 'none' };
  if (r.epsilon !== undefined) out.epsilon = r.epsilon;
  if (r.excluded) out.excluded = r.excluded;
  return transfer(out, [order.buffer, scores.buffer]);
}
