import { gumbel, type Uniform } from './random.js';
import type { RankKnobs } from '../wire/wire.js';

/**
 * Bound on the personal part of a score under privacy noise. Clipping every personal score to
 * [−B, B] bounds how much *any* change of the history — one event or all of it — can move a
 * utility: by at most 2B. That makes the guarantee below hold per shopper, not per event.
 */
export const PRIVACY_CLIP = 1;

/** ε per placed position for a `privacyNoise` level p in (0, 1]: ε = 2·(1 − p)/p (p = 1 → ε = 0, a uniformly random order). */
export function epsilonFor(privacyNoise: number): number {
  return (2 * (1 - privacyNoise)) / privacyNoise;
}

/** The ε a `privacyNoise` knob asks for (`{ epsilon }`, or the older level p), or undefined when it is off. */
export function privacyEpsilon(knob: RankKnobs['privacyNoise']): number | undefined {
  if (knob === undefined) return undefined;
  if (typeof knob === 'number') return knob > 0 ? epsilonFor(knob) : undefined;
  return knob.epsilon;
}

/**
 * The exponential mechanism, one position at a time, in one pass: sorting by
 * ε·u/(2·Δ) + Gumbel noise, with Δ = 2B the sensitivity of the clipped utility u, draws each
 * position from the remaining items with probability ∝ exp(ε·u/(2Δ)). So for any two histories
 * of the shopper, the chance that a given item lands at a given next position differs by at most
 * a factor e^ε; the first k positions together by at most e^(k·ε) (sequential composition).
 * Only the personal scores are clipped and noised; the shop's original order enters as is.
 */
export function privatizeOrder(personal: Float32Array, prior: Float64Array, epsilon: number, u: Uniform): { order: number[]; epsilon: number } {
  const sensitivity = 2 * PRIVACY_CLIP;
  const key = Array.from(personal, (s, i) => {
    const utility = Math.max(-PRIVACY_CLIP, Math.min(PRIVACY_CLIP, s)) + prior[i]!;
    return (epsilon * utility) / (2 * sensitivity) + gumbel(u);
  });
  const order = key.map((_, i) => i).sort((a, b) => key[b]! - key[a]!);
  return { order, epsilon };
}
