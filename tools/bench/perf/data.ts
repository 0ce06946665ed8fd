import type { Item, TrackEvent, EventType } from '../../../src/core/types.js';

import { mulberry32 } from '../../eval/random.js';

/** Deterministic PRNG (the eval's mulberry32) so every run ranks the same lists over the same histories. */
export const rng = mulberry32;

const CATS = ['Shoes', 'Jackets', 'Tents', 'Bikes', 'Backpacks', 'Lamps', 'Stoves', 'Socks'];
const WORDS = ['trail', 'light', 'pro', 'waterproof', 'winter', 'summer', 'kids', 'classic', 'ultra', 'warm', 'eco', 'compact'];

/** A catalogue of realistic-looking products: title words, brand, two-level category, price, attributes. */
export function catalogue(size: number, seed = 1): Item[] {
  const r = rng(seed);
  return Array.from({ length: size }, (_, i) => {
    const cat = CATS[i % CATS.length]!;
    const words = [WORDS[Math.floor(r() * WORDS.length)]!, WORDS[Math.floor(r() * WORDS.length)]!];
    return {
      id: `sku-${i}`,
      title: `${words.join(' ')} ${cat.toLowerCase()} ${i}`,
      brand: `Brand${Math.floor(r() * 40)}`,
      categories: ['Outdoor', cat, `${cat}/${Math.floor(r() * 6)}`],
      price: Math.round(10 + r() * 400),
      attributes: { colour: ['red', 'blue', 'green', 'black'][Math.floor(r() * 4)]!, size: String(36 + Math.floor(r() * 10)) },
    };
  });
}

/**
 * `count` stored events over the catalogue, oldest first, spread over the last 30 days:
 * mostly impressions, some views and clicks, a few carts and purchases, as a shop sees them.
 */
export function history(items: readonly Item[], count: number, now: number, seed = 2): TrackEvent[] {
  const r = rng(seed);
  const span = 30 * 86_400_000;
  return Array.from({ length: count }, (_, k) => {
    const x = r();
    const type: EventType = x < 0.6 ? 'impression' : x < 0.82 ? 'view' : x < 0.95 ? 'click' : x < 0.99 ? 'add_to_cart' : 'purchase';
    const item = items[Math.floor(Math.pow(r(), 1.5) * items.length)]!;
    const at = Math.round(now - span + (span * (k + 1)) / (count + 1));
    return type === 'view' ? { type, item, at, dwellMs: Math.round(r() * 60_000) } : { type, item, at };
  });
}
