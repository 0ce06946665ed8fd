import { orderBy, positionPrior } from './blend.js';
import { explore } from './explore.js';
import { diversify } from './diversify.js';
import { PRIVACY_CLIP, privacyEpsilon, privatizeOrder } from './privacy-noise.js';
import type { Uniform } from './random.js';
import type { RankKnobs } from '../wire/wire.js';


/** An item that climbs this many places or more because of a knob gets that knob as a reason. */
const NOTABLE_MOVE = 3;

function climbed(before: readonly number[], after: readonly number[]): boolean[] {
  const was = new Int32Array(before.length);
  before.forEach((item, pos) => (was[item] = pos));
  const moved = new Array<boolean>(before.length).fill(false);
  after.forEach((item, pos) => (moved[item] = was[item]! - pos >= NOTABLE_MOVE));
  return moved;
}

/**
 * Orders scored candidates: personal score + the shop's position prior, then the knobs.
 * With privacy noise the order is drawn by the exponential mechanism and exploration (which
 * reads the history) is skipped, so that everything after the draw is post-processing and the
 * ε bound holds; diversity then only reorders by that drawn rank and history-free item vectors.
 * `similarity` (each candidate's to its closest history item) is asked for only when exploring.
 */
export function arrange(scores: Float32Array, similarity: () => Float64Array, vectors: Float32Array, dims: number, positionWeight: number, knobs: RankKnobs, random: Uniform) {
  const n = scores.length;
  const prior = positionPrior(n, positionWeight);
  const none = new Array<boolean>(n).fill(false);
  let order: number[];
  let utility: Float64Array;
  let explored = none;
  let noised = none;
  let epsilon = privacyEpsilon(knobs.privacyNoise);

  if (epsilon !== undefined) {
    ({ order, epsilon } = privatizeOrder(scores, prior, epsilon, random));
    // What the same utilities order without the noise: an item the draw lifted well above it was placed by chance.
    noised = climbed(orderBy(prior.map((p, i) => p + Math.max(-PRIVACY_CLIP, Math.min(PRIVACY_CLIP, scores[i]!)))), order);
    utility = new Float64Array(n);
    order.forEach((item, pos) => (utility[item] = -pos));
  } else {
    utility = prior.map((p, i) => p + scores[i]!);
    order = orderBy(utility);
    if (knobs.exploration) {
      // Uncertain = unlike anything the shopper touched: 1 − (similarity to the closest history item).
      const uncertainty = similarity().map((s) => 1 - Math.max(0, Math.min(1, s)));
      utility = explore(utility, uncertainty, knobs.exploration, random);
      const sampled = orderBy(utility);
      explored = climbed(order, sampled);
      order = sampled;
    }
  }

  let diversified = none;
  if (knobs.diversity) {
    const spread = diversify(order, utility, vectors, dims, knobs.diversity);
    diversified = climbed(order, spread);
    order = spread;
  }
  return { order, explored, noised, diversified, prior, ...(epsilon === undefined ? {} : { epsilon }) };
}
