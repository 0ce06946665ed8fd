import type { ModelParams } from './model-types.js';

export const DEFAULT_PARAMS: ModelParams = Object.freeze({
  dims: 128,
  // id 0.5: an item matches itself at any id weight; with exact overlap (`list-coordinates.ts`) a
  // heavier id only lengthens the vector and damps items with few other features (BENCHMARKS.md › Figures moved from code comments).
  fieldWeights: Object.freeze({ id: 0.5, brand: 0.8, category: 1, word: 0.6, price: 0.35, attr: 0.5, bias: 0 }),
  actionWeights: Object.freeze({ impression: -0.05, view: 0.5, click: 1, add_to_cart: 2, purchase: 3 }),
  halfLifeHours: 24 * 14,
  // Per engaged item back (impressions are no steps: `history.ts` weighInOrder): what the shopper did
  // last says most about what comes next; older interests still count (BENCHMARKS.md › Zero-training › Ninth session).
  orderDecay: 0.85,
  dwellGain: 0.25,
  dwellRefMs: 10_000,
  beta: 4,
  // Swept over bestseller-ordered lists (`npm run bench:position`). The blend is on raw scores, so
  // re-sweep when their spread changes (BENCHMARKS.md › Zero-training › The shop's order: positionWeight).
  positionWeight: 0.07,
  historyWindow: 128,
  unknownFeatures: 'random',
  sessionBoost: 4,
});
