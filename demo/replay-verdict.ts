import { ORDERS, type OrderKey, type Positions } from './replay.js';
import { apart, meanInterval, wilson, type Interval } from './stats.js';

/** The replay's figures per order: share of shoppers whose next item was in the top k, and the average position. */
export interface OrderFigures { key: OrderKey; name: string; n: number; top5: Interval; top10: Interval; hits5: number; hits10: number; position: Interval }

export function figures(positions: Positions): OrderFigures[] {
  return ORDERS.map(({ key, name }) => {
    const xs = positions[key];
    const hits5 = xs.filter((x) => x <= 5).length, hits10 = xs.filter((x) => x <= 10).length;
    return { key, name, n: xs.length, hits5, hits10, top5: wilson(hits5, xs.length), top10: wilson(hits10, xs.length), position: meanInterval(xs) };
  });
}

export const pct = (x: number): string => `${Math.round(x * 100)}%`;
export const range = (i: Interval): string => `${pct(i.low)}–${pct(i.high)}`;

/**
 * The same shoppers are measured in every order, so the difference of two shares is judged per
 * shopper (in the top 10 in one order and not the other): its mean and 95 % interval.
 */
export function pairedDifference(a: number[], b: number[], k = 10): Interval {
  return meanInterval(a.map((x, i) => Number(x <= k) - Number(b[i]! <= k)));
}

const points = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(Math.round(x * 100))}`;

/**
 * How order `a` compares with bestsellers, in words the figures support: "more" or "fewer" only
 * when both the two shares' own intervals and the paired difference's interval say so.
 */
function compare(a: OrderFigures, pop: OrderFigures, diff: Interval): string {
  const vs = `against ${pct(pop.top10.value)} with bestsellers first`;
  const sure = apart(a.top10, pop.top10) && (diff.low > 0 || diff.high < 0);
  const by = `difference ${points(diff.value)} points, 95% interval ${points(diff.low)} to ${points(diff.high)}`;
  return sure ? `${vs} (${by})` : `${vs}: level within the uncertainty (${by})`;
}

/** The headline in plain words, true to the intervals (no "more" while they overlap). */
export function headline(f: OrderFigures[], positions: Positions, done: boolean, trainedServed: boolean): string {
  const [pop, zero, trained] = f as [OrderFigures, OrderFigures, OrderFigures];
  if (pop.n === 0) return '';
  const who = `${done ? 'Across' : 'So far, across'} ${pop.n.toLocaleString('en')} real shopper${pop.n === 1 ? '' : 's'}, the item the shopper bought next was in the top 10 of 100`;
  const day1 = `${pct(zero.top10.value)} with Hearth untrained (day one), ${compare(zero, pop, pairedDifference(positions.zero, positions.bestsellers))}`;
  if (!trainedServed) return `${who} for ${day1}. (The trained model is not served here, so it is not shown.)`;
  return `${who} for ${pct(trained.top10.value)} of them with Hearth and the shop’s trained model, ${compare(trained, pop, pairedDifference(positions.trained, positions.bestsellers))}. ${day1.charAt(0).toUpperCase()}${day1.slice(1)}.`;
}
