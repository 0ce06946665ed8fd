import type { Item } from 'hearth';

/** A generated catalogue: names, brands, categories and prices that read like a small outdoor shop. */
const CATEGORIES = {
  Running: { nouns: ['Trail Shoe', 'Road Shoe', 'Running Vest', 'Race Socks', 'Hydration Belt'], brands: ['Stride', 'Kestrel', 'Pace&Co'], price: [25, 160] },
  Camping: { nouns: ['Tent', 'Sleeping Bag', 'Camp Stove', 'Headlamp', 'Sleeping Mat'], brands: ['Northfold', 'Emberline', 'Basecamp'], price: [20, 420] },
  Cycling: { nouns: ['Helmet', 'Bike Light', 'Cycling Jersey', 'Saddle Bag', 'Pump'], brands: ['Velox', 'Spokes', 'Kestrel'], price: [15, 220] },
  Skincare: { nouns: ['Face Serum', 'Moisturiser', 'Sunscreen SPF50', 'Cleanser', 'Eye Cream'], brands: ['Lumen', 'Dewdrop', 'Botanica'], price: [9, 85] },
  Makeup: { nouns: ['Lipstick', 'Mascara', 'Foundation', 'Blush', 'Eyeliner'], brands: ['Rouge', 'Lumen', 'Palette'], price: [8, 60] },
} as const;

export type Category = keyof typeof CATEGORIES;
export const CATEGORY_NAMES = Object.keys(CATEGORIES) as Category[];
const ADJECTIVES = ['Ultralight', 'Classic', 'Pro', 'Everyday', 'Storm', 'Summit', 'Soft', 'Vivid'];

export interface Product extends Item {
  categories: string[];
  price: number;
  hue: number;
}

/** Deterministic: the same seed always gives the same shop. */
export function makeCatalogue(perCategory = 16, seed = 7): Product[] {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out: Product[] = [];
  CATEGORY_NAMES.forEach((cat, c) => {
    const spec = CATEGORIES[cat];
    for (let i = 0; i < perCategory; i++) {
      const noun = spec.nouns[i % spec.nouns.length]!;
      const brand = spec.brands[Math.floor(rnd() * spec.brands.length)]!;
      const adjective = ADJECTIVES[Math.floor(rnd() * ADJECTIVES.length)]!;
      const [lo, hi] = spec.price;
      out.push({
        id: `${cat.slice(0, 3).toLowerCase()}-${i}`,
        title: `${adjective} ${noun}`,
        brand,
        categories: [cat, noun],
        price: Math.round(lo + rnd() * (hi - lo)),
        hue: (c * 72 + i * 9) % 360,
      });
    }
  });
  // The shop's default order: interleaved, as a "featured" page would be.
  return out.sort((a, b) => Number(a.id.split('-')[1]) - Number(b.id.split('-')[1]) || a.id.localeCompare(b.id));
}
