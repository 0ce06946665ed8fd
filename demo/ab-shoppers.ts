import { DEPARTMENT_NAMES, departmentList, featuredList, type Department, type Product } from './catalogue.js';

/**
 * The A/B test's simulated shoppers: each one a hidden taste drawn from a seeded random, mixed like the
 * simulator's personas (a favourite department, sometimes a second one, a budget, or no taste at all).
 * The taste picks what the shopper chooses on a page whatever order the page shows.
 */
export interface AbShopper { k: number; favourite: Department; second?: Department; budget: number; noTaste: boolean }

/** Visits per shopper: the last is the one measured, the ones before are the history Hearth learns from. */
export const VISITS = 6;

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)]!;

export function drawShopper(k: number, rnd: () => number): AbShopper {
  const favourite = pick(DEPARTMENT_NAMES, rnd);
  const second = rnd() < 0.5 ? pick(DEPARTMENT_NAMES.filter((d) => d !== favourite), rnd) : undefined;
  // One shopper in four has no taste at all, like the simulator's random browser (the control).
  return { k, favourite, ...(second ? { second } : {}), budget: 30 + Math.floor(rnd() * 100), noTaste: rnd() < 0.25 };
}

export function taste(s: AbShopper, p: Product): number {
  if (s.noTaste) return 0;
  const dep = p.categories[0];
  return (dep === s.favourite ? 3 : dep === s.second ? 1.5 : 0) + (p.price <= s.budget ? 1 : -0.5);
}

/** The page of visit `v` (0-based): the favourite department and the home page in turn; the measured last visit is the home page. */
export function visitPage(s: AbShopper, v: number): { list: Product[]; listId: string } {
  return v === VISITS - 1 || v % 2 === 1 ? { list: featuredList(), listId: 'home:featured' } : { list: departmentList(s.favourite), listId: `category:${s.favourite}` };
}

/** Softmax choice by taste, seeded: the choice never looks at the order shown. */
export function choose(s: AbShopper, list: Product[], rnd: () => number): Product {
  const w = list.map((p) => Math.exp(2 * taste(s, p)));
  let r = rnd() * w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < list.length; i++) if ((r -= w[i]!) <= 0) return list[i]!;
  return list[list.length - 1]!;
}
