import type { WireItem } from '../../src/core/wire.js';

/**
 * A beauty feed of 1,140 items for the catalogue-relations tests (unit and browser): nail polish
 * and nail art are sold side by side (40 items carry both, 20 only one), lipsticks stand alone,
 * 1,000 others spread over 100 categories, and every item is under Beauty.
 */
export function nailFeed(): WireItem[] {
  return [
    ...Array.from({ length: 40 }, (_, i) => ({ id: `na${i}`, brand: `Nailco ${i % 8}`, categories: ['Beauty', 'Nail Polish', 'Nail Art'] })),
    ...Array.from({ length: 20 }, (_, i) => ({ id: `np${i}`, brand: `Polish ${i % 5}`, categories: ['Beauty', 'Nail Polish'] })),
    ...Array.from({ length: 20 }, (_, i) => ({ id: `nt${i}`, brand: `Art ${i % 5}`, categories: ['Beauty', 'Nail Art'] })),
    ...Array.from({ length: 60 }, (_, i) => ({ id: `l${i}`, brand: `Lips ${i % 6}`, categories: ['Beauty', 'Lipstick'] })),
    ...Array.from({ length: 1000 }, (_, i) => ({ id: `m${i}`, brand: `Misc ${i % 100}`, categories: ['Beauty', `Other ${i % 100}`] })),
  ];
}
