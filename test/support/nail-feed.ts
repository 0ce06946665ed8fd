import type { WireItem } from '../../src/core/wire/wire.js';

/**
 * A beauty feed of 1,140 items for the catalogue-relations tests (unit and browser): nail polish
 * and nail art are sold side by side (40 items carry both, 20 only one) under the shop's own
 * label (no brand), lipsticks come from six brands of their own, 1,000 others spread over 100
 * categories, and every item is under Beauty. So nail art lies mostly within nail polish (and
 * the other way round), which is what a relation is ranked by (P(f | g), `catalog-relations.ts`).
 */
export function nailFeed(): WireItem[] {
  return [
    ...Array.from({ length: 40 }, (_, i) => ({ id: `na${i}`, categories: ['Beauty', 'Nail Polish', 'Nail Art'] })),
    ...Array.from({ length: 20 }, (_, i) => ({ id: `np${i}`, categories: ['Beauty', 'Nail Polish'] })),
    ...Array.from({ length: 20 }, (_, i) => ({ id: `nt${i}`, categories: ['Beauty', 'Nail Art'] })),
    ...Array.from({ length: 60 }, (_, i) => ({ id: `l${i}`, brand: `Lips ${i % 6}`, categories: ['Beauty', 'Lipstick'] })),
    ...Array.from({ length: 1000 }, (_, i) => ({ id: `m${i}`, brand: `Misc ${i % 100}`, categories: ['Beauty', `Other ${i % 100}`] })),
  ];
}
