import { mulberry32 } from '../../eval/random.js';
import { ADJECTIVES, word } from './words.js';
import { pickCumulative } from './random.js';

/**
 * The synthetic shop's catalogue with its planted structure: a 3-level taxonomy (departments →
 * types → sub-categories), brands tied to sub-categories (each sub-category sells three brands,
 * a brand one or two sub-categories), titles from a vocabulary, prices around a sub-category's
 * level, Zipf popularity, and a "went on to" partner for every item in a sibling sub-category.
 * Items are stored sub-category-major and, inside one, brand-major, so a sub-category or a
 * (sub-category, brand) pair is a contiguous index range and one cumulative array serves all draws.
 */
export interface ScaleCatalog {
  skus: number;
  subs: number;
  perSub: number;
  ids: string[];
  titles: string[];
  brandOf: Int32Array;
  subOf: Int32Array;
  prices: Float64Array;
  /** Cumulative popularity weights in item order. */
  cum: Float64Array;
  /** The item shoppers tend to go on to after this one. */
  partner: Int32Array;
  brandNames: string[];
  /** [department, type, sub-category] names of each sub-category. */
  path: string[][];
}

export const BRANDS_PER_SUB = 3;
const DEPARTMENTS = 8;
const TYPES = 40;
const ZIPF = 0.9;

export const subCount = (skus: number): number => Math.max(TYPES, Math.round(skus / 50));

/** The index range of sub-category `s` (brand slot `b`, if given). */
export function subRange(c: Pick<ScaleCatalog, 'perSub'>, s: number, b?: number): [number, number] {
  const lo = s * c.perSub;
  if (b === undefined) return [lo, lo + c.perSub];
  return [lo + Math.floor((b * c.perSub) / BRANDS_PER_SUB), lo + Math.floor(((b + 1) * c.perSub) / BRANDS_PER_SUB)];
}

/** Brand id of slot `b` of sub-category `s`. */
export const brandId = (subs: number, s: number, b: number): number => (s * BRANDS_PER_SUB + b) % Math.ceil(subs * 1.5);

export function buildCatalog(skus: number, seed: number): ScaleCatalog {
  const subs = subCount(skus);
  const perSub = Math.floor(skus / subs);
  const n = subs * perSub;
  const rnd = mulberry32(seed ^ 0x51ed);
  const path = Array.from({ length: subs }, (_, s) => [`dept ${word(1000 + (s % TYPES) % DEPARTMENTS)}`, `type ${word(2000 + (s % TYPES))}`, `sub ${word(3000 + s)}`]);
  const brandNames = Array.from({ length: Math.ceil(subs * 1.5) }, (_, b) => word(9000 + b).replace(/^./, (ch) => ch.toUpperCase()));
  const subPrice = Float64Array.from({ length: subs }, () => 5 * Math.exp(rnd() * 3.5));
  const ids: string[] = [];
  const titles: string[] = [];
  const brandOf = new Int32Array(n);
  const subOf = new Int32Array(n);
  const prices = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.floor(i / perSub);
    const slot = Math.min(BRANDS_PER_SUB - 1, Math.floor(((i - s * perSub) * BRANDS_PER_SUB) / perSub));
    subOf[i] = s;
    brandOf[i] = brandId(subs, s, slot);
    ids.push(`P${String(i).padStart(6, '0')}`);
    titles.push(`${brandNames[brandOf[i]!]} ${ADJECTIVES[Math.floor(rnd() * ADJECTIVES.length)]} ${word(5000 + s)} ${word(20000 + Math.floor(rnd() * 997))}`);
    prices[i] = Math.max(1, Math.round(subPrice[s]! * Math.exp(0.25 * (rnd() + rnd() + rnd() - 1.5)))) - 0.01;
  }
  const cum = zipfCumulative(n, rnd);
  const partner = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // A sibling sub-category: same type (s ≡ s' mod TYPES), so the pair stays within one type.
    const [lo, hi] = subRange({ perSub }, (subOf[i]! + TYPES) % subs);
    partner[i] = pickCumulative(cum, rnd(), lo, hi);
  }
  return { skus: n, subs, perSub, ids, titles, brandOf, subOf, prices, cum, partner, brandNames, path };
}

/** Zipf weights 1/(rank+1)^ZIPF over a seeded random ranking of the items, cumulated. */
function zipfCumulative(n: number, rnd: () => number): Float64Array {
  const rank = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rank[i], rank[j]] = [rank[j]!, rank[i]!];
  }
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / Math.pow(rank[i]! + 1, ZIPF);
    cum[i] = total;
  }
  return cum;
}
