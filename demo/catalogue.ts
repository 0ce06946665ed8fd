import type { Item } from 'hearth-sdk';

/**
 * A generated catalogue: about 320 products in eight departments of a general store, with names,
 * brands, prices and descriptions that read like a real shop. Deterministic: the same seed always
 * gives the same shop, so screenshots and tests are stable.
 */
const DEPARTMENTS = {
  Running: { nouns: ['Trail Shoe', 'Road Shoe', 'Running Vest', 'Race Socks', 'Hydration Belt', 'Running Tights', 'GPS Watch', 'Rain Shell'], brands: ['Stride', 'Kestrel', 'Pace&Co', 'Fellrunner'], price: [12, 180] },
  Camping: { nouns: ['Tent', 'Sleeping Bag', 'Camp Stove', 'Headlamp', 'Sleeping Mat', 'Backpack', 'Water Filter', 'Camp Chair'], brands: ['Northfold', 'Emberline', 'Basecamp'], price: [15, 420] },
  Cycling: { nouns: ['Helmet', 'Bike Light', 'Cycling Jersey', 'Saddle Bag', 'Floor Pump', 'Bib Shorts', 'Gloves', 'Bottle Cage'], brands: ['Velox', 'Spokes', 'Kestrel'], price: [9, 240] },
  Yoga: { nouns: ['Yoga Mat', 'Yoga Block', 'Strap', 'Leggings', 'Bolster', 'Studio Top', 'Mat Towel', 'Meditation Cushion'], brands: ['Asana', 'Lotus Lane', 'Pace&Co'], price: [8, 120] },
  Skincare: { nouns: ['Face Serum', 'Moisturiser', 'Sunscreen SPF50', 'Gel Cleanser', 'Eye Cream', 'Clay Mask', 'Toner', 'Night Balm'], brands: ['Lumen', 'Dewdrop', 'Botanica', 'Veil'], price: [7, 85] },
  Makeup: { nouns: ['Lipstick', 'Mascara', 'Foundation', 'Blush', 'Eyeliner', 'Palette', 'Concealer', 'Lip Gloss'], brands: ['Rouge', 'Lumen', 'Palette', 'Veil'], price: [6, 64] },
  Haircare: { nouns: ['Shampoo', 'Conditioner', 'Hair Oil', 'Styling Cream', 'Hair Mask', 'Dry Shampoo', 'Brush', 'Heat Spray'], brands: ['Mane', 'Botanica', 'Silkroot'], price: [5, 48] },
  Fragrance: { nouns: ['Eau de Parfum', 'Eau de Toilette', 'Body Mist', 'Scented Candle', 'Solid Perfume', 'Gift Set'], brands: ['Atelier Nuit', 'Verde', 'Rouge'], price: [14, 140] },
} as const;

export type Department = keyof typeof DEPARTMENTS;
export const DEPARTMENT_NAMES = Object.keys(DEPARTMENTS) as Department[];
const ADJECTIVES = ['Ultralight', 'Classic', 'Pro', 'Everyday', 'Storm', 'Summit', 'Soft', 'Vivid', 'Essential', 'Velvet', 'Alpine', 'Coastal', 'Midnight', 'Pure', 'Urban', 'Wild'];
const COLOURS = ['Sand', 'Ink', 'Moss', 'Coral', 'Slate', 'Ember', 'Fog', 'Sage', 'Plum', 'Ochre'];

export interface Product extends Item {
  id: string;
  title: string;
  brand: string;
  categories: string[];
  price: number;
  /** Hue of the generated artwork. */
  hue: number;
  colour: string;
  rating: number;
  description: string;
}

/** A small seeded generator (LCG): enough for a believable, repeatable shop. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const DEPARTMENT_HUE: Record<Department, number> = { Running: 18, Camping: 140, Cycling: 205, Yoga: 265, Skincare: 330, Makeup: 350, Haircare: 40, Fragrance: 290 };

/** Deterministic; the shop's "featured" default order interleaves departments, as a home page would. */
export function makeCatalogue(perDepartment = 40, seed = 7): Product[] {
  const rnd = seeded(seed);
  const out: Product[] = [];
  for (const dep of DEPARTMENT_NAMES) {
    const spec = DEPARTMENTS[dep];
    for (let i = 0; i < perDepartment; i++) {
      const noun = spec.nouns[i % spec.nouns.length]!;
      const brand = spec.brands[Math.floor(rnd() * spec.brands.length)]!;
      const adjective = ADJECTIVES[Math.floor(rnd() * ADJECTIVES.length)]!;
      const colour = COLOURS[Math.floor(rnd() * COLOURS.length)]!;
      const [lo, hi] = spec.price;
      // Prices skew low, as in real catalogues; .99 endings where a shop would use them.
      const raw = lo + Math.pow(rnd(), 1.7) * (hi - lo);
      const price = raw < 20 ? Math.round(raw) - 0.01 : Math.round(raw / 5) * 5 - 0.01;
      out.push({
        id: `${dep.slice(0, 3).toLowerCase()}-${String(i).padStart(2, '0')}`,
        title: `${adjective} ${noun}`,
        brand,
        categories: [dep, noun],
        price: Math.max(price, 2.99),
        hue: (DEPARTMENT_HUE[dep] + Math.floor(rnd() * 40) - 20 + 360) % 360,
        colour,
        rating: Math.round((3.4 + rnd() * 1.6) * 10) / 10,
        description: `The ${adjective.toLowerCase()} ${noun.toLowerCase()} from ${brand}, in ${colour.toLowerCase()}. Made for everyday ${dep.toLowerCase()}, with free returns for 30 days.`,
      });
    }
  }
  return out;
}

export const CATALOGUE = makeCatalogue();
export const BY_ID = new Map(CATALOGUE.map((p) => [p.id, p]));

/** The shop's own order of a department page: its bestseller order (here: a fixed shuffle by rating and id). */
export function departmentList(dep: Department): Product[] {
  return CATALOGUE.filter((p) => p.categories[0] === dep).sort((a, b) => b.rating - a.rating || a.id.localeCompare(b.id));
}

/** The home page's "featured" list: interleaved departments, 48 products. */
export function featuredList(): Product[] {
  const lists = DEPARTMENT_NAMES.map((d) => departmentList(d));
  const out: Product[] = [];
  for (let i = 0; out.length < 48; i++) for (const l of lists) if (l[i] && out.length < 48) out.push(l[i]!);
  return out;
}
