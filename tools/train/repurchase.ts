import type { Dataset } from '../eval/dataset.js';
import type { RepurchaseParams } from '../../src/core/model/model-types.js';

/** Categories seen fewer times than this carry too little evidence for a rate. */
const MIN_SUPPORT = 20;
/** The table carries at most this many categories (the best supported), to keep model.json small. */
const MAX_CATEGORIES = 2000;

/**
 * Per-category repurchase rates from the site's own sequences: of all occurrences of items in a
 * category, the share that repeat an item the same shopper already had earlier. Consumables
 * (shampoo, coffee) come back; durables (a tent) rarely do. The engine reads these to decide
 * whether a just-bought item may be pushed again (`src/core/learn/repurchase.ts`); nothing about
 * which categories are consumable is hard-coded.
 */
export function repurchaseRates(ds: Pick<Dataset, 'sequences' | 'items'>): RepurchaseParams {
  const seen = new Map<string, number>();
  const repeats = new Map<string, number>();
  for (const seq of ds.sequences) {
    const had = new Set<number>();
    for (const it of seq) {
      const again = had.has(it);
      had.add(it);
      for (const c of ds.items[it]?.categories ?? []) {
        const key = c.trim().toLowerCase();
        seen.set(key, (seen.get(key) ?? 0) + 1);
        if (again) repeats.set(key, (repeats.get(key) ?? 0) + 1);
      }
    }
  }
  const supported = [...seen].filter(([, n]) => n >= MIN_SUPPORT).sort((a, b) => b[1] - a[1]).slice(0, MAX_CATEGORIES);
  const rates: Record<string, number> = {};
  for (const [c, n] of supported) rates[c] = Number(((repeats.get(c) ?? 0) / n).toPrecision(4));
  return { rates };
}
