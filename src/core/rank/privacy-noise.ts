import { gumbel, type Uniform } from './random.js';
import type { RankKnobs } from '../wire/wire.js';

/**
 * Bound on the personal part of a score under privacy noise, so that one outlying score cannot
 * squeeze the rest of the list when utilities are stretched to [0, 1] (privatizeOrder). The
 * guarantee below holds per shopper, not per event: any change of the history keeps u in [0, 1].
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
 * ε·u/(2·Δ) + Gumbel noise draws each position from the remaining items with probability
 * ∝ exp(ε·u/(2Δ)). The utility is the clipped personal score plus the shop's position prior,
 * stretched over the list to [0, 1]: whatever the history, every u lies in [0, 1], so the
 * sensitivity Δ is 1, and ε acts on the whole of a list's spread rather than the small share of
 * the clip range real scores occupy (BENCHMARKS.md › Defaults a merchandiser accepts).
 * So for any two histories of the shopper, the chance that a given item lands at a given next
 * position differs by at most a factor e^ε; the first k positions together by at most e^(k·ε).
 */
export function privatizeOrder(personal: Float32Array, prior: Float64Array, epsilon: number, u: Uniform): { order: number[]; epsilon: number } {
  const sensitivity = 1;
  const raw = Array.from(personal, (s, i) => Math.max(-PRIVACY_CLIP, Math.min(PRIVACY_CLIP, s)) + prior[i]!);
  const lo = Math.min(...raw);
  const spread = Math.max(...raw) - lo;
  const key = raw.map((r) => (epsilon * (spread > 0 ? (r - lo) / spread : 0)) / (2 * sensitivity) + gumbel(u));
  const order = key.map((_, i) => i).sort((a, b) => key[b]! - key[a]!);
  return { order, epsilon };
}
