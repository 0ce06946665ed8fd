import type { ModelParams } from './model-types.js';

export const DEFAULT_PARAMS: ModelParams = Object.freeze({
  dims: 128,
  // id 0.5: an item is identical to itself whatever the weight; otherwise, with exact overlap
  // (`list-coordinates.ts`), the id only lengthens the vector, which damps the similarity of
  // items that have few other features. Chosen on the validation item (Beauty / Sports sampled
  // HR@10: 0.25 → 0.4063 / 0.4171, 0.5 → 0.4071 / 0.4179, 1 → 0.4054 on Beauty). Over hashed
  // vectors a heavy id had added noise: 1 cost 0.03 there.
  fieldWeights: Object.freeze({ id: 0.5, brand: 0.8, category: 1, word: 0.6, price: 0.35, attr: 0.5, bias: 0 }),
  actionWeights: Object.freeze({ impression: -0.05, view: 0.5, click: 1, add_to_cart: 2, purchase: 3 }),
  halfLifeHours: 24 * 14,
  // 0.85 per engaged item back (impressions are no steps: `history.ts` weighInOrder). Validation
  // item, engine, all users, catalogue model, HR@10 / NDCG@10: 0.98 → 0.85 took Beauty from
  // 0.4200 / 0.2693 to 0.4214 / 0.2720 and Sports from 0.4381 / 0.2595 to 0.4405 / 0.2624; in a
  // replica 0.9 and 0.8 stayed within 0.001 of 0.85 on both, 0.7 lost 0.003 on Beauty
  // (BENCHMARKS.md › Accuracy › ninth session). What the shopper did last says most about what
  // comes next; older interests still count (the 10th item back weighs 0.2).
  orderDecay: 0.85,
  dwellGain: 0.25,
  dwellRefMs: 10_000,
  beta: 4,
  // Chosen on the validation item of Beauty and Sports (bench/accuracy-position.ts, first 8,000
  // users) over a bestseller-ordered list. The blend is on raw scores, which scale with the
  // history's total weight: orderDecay 0.85 shrank them (median score range of a Sports list 0.53
  // → 0.36), so the shop's order now holds at 0.07 (HR@10 / NDCG@10 Beauty 0.4235 / 0.2498,
  // Sports 0.5101 / 0.3063) rather than 0.1 (0.4223 / 0.2514, 0.4994 / 0.3040). Earlier: 0.1 beat
  // 0.2 once exact overlap narrowed the spread, and 0.2 the old 0.05 before that.
  positionWeight: 0.07,
  historyWindow: 128,
  unknownFeatures: 'random',
  sessionBoost: 4,
}) as ModelParams;
