import type { Item } from 'hearth-sdk';
import { seeded } from './catalogue.js';

/** The slice of real Amazon Beauty shoppers made by scripts/demo-data.mjs (absent → a message). */
export interface BeautySlice {
  available: boolean;
  reason?: string;
  source?: string;
  users?: number;
  shoppers: Array<{ user: number; items: number[]; negatives: number[] }>;
  /** item id → most common attribute (named as category), rarest attribute (named as brand), popularity. */
  items: Record<string, { c: number; b: number; p: number }>;
}

let slice: Promise<BeautySlice> | undefined;
export function loadBeauty(): Promise<BeautySlice> {
  slice ??= fetch('/data/beauty-slice.json', { cache: 'no-store' })
    .then(async (r) => (r.ok ? ((await r.json()) as BeautySlice) : { available: false, reason: 'The Amazon Beauty slice was not built (run `npm run demo`, which makes it from /work/shared/datasets/beauty).', shoppers: [], items: {} }))
    .catch(() => ({ available: false, reason: 'Could not load the Amazon Beauty slice.', shoppers: [], items: {} }));
  return slice;
}

const CATS = ['Skin Care', 'Makeup', 'Hair Care', 'Fragrance', 'Nail Care', 'Bath & Body', 'Tools & Brushes', 'Men’s Grooming', 'Sun Care', 'Lip Care', 'Eye Makeup', 'Face Masks'];
const NOUNS: Record<string, string[]> = {
  'Skin Care': ['Serum', 'Day Cream', 'Cleanser', 'Toner'], Makeup: ['Foundation', 'Blush', 'Primer', 'Bronzer'], 'Hair Care': ['Shampoo', 'Conditioner', 'Hair Oil', 'Mask'],
  Fragrance: ['Eau de Parfum', 'Body Mist', 'Cologne'], 'Nail Care': ['Nail Polish', 'Top Coat', 'Cuticle Oil'], 'Bath & Body': ['Body Wash', 'Body Lotion', 'Bath Salts'],
  'Tools & Brushes': ['Brush Set', 'Sponge', 'Curler'], 'Men’s Grooming': ['Beard Oil', 'Shave Gel', 'Aftershave'], 'Sun Care': ['Sunscreen', 'After-Sun Gel'],
  'Lip Care': ['Lip Balm', 'Lip Scrub'], 'Eye Makeup': ['Mascara', 'Eyeliner', 'Brow Gel'], 'Face Masks': ['Sheet Mask', 'Clay Mask'],
};
const SYL = ['la', 'mi', 'ro', 'sé', 'va', 'no', 'ka', 'lu', 'ra', 'bel', 'or', 'tie', 'mar', 'do', 'si', 'e'];
const ADJ = ['Hydrating', 'Radiant', 'Matte', 'Gentle', 'Intense', 'Silky', 'Daily', 'Repair', 'Glow', 'Pure'];

/** Deterministic, believable names for opaque ids: the same id always reads the same. */
export function beautyBrand(id: number): string {
  const r = seeded(id * 7919 + 17);
  const n = 2 + Math.floor(r() * 2);
  const name = Array.from({ length: n }, () => SYL[Math.floor(r() * SYL.length)]!).join('');
  return name.charAt(0).toUpperCase() + name.slice(1);
}
export const beautyCategory = (id: number): string => CATS[id % CATS.length]!;

export function beautyItem(s: BeautySlice, id: number): Item & { title: string; brand: string; categories: string[] } {
  const a = s.items[String(id)] ?? { c: 0, b: 0, p: 0 };
  const cat = beautyCategory(a.c);
  const r = seeded(id * 31 + 7);
  const nouns = NOUNS[cat] ?? ['Essential'];
  return { id: `az-${id}`, title: `${ADJ[Math.floor(r() * ADJ.length)]} ${nouns[Math.floor(r() * nouns.length)]}`, brand: beautyBrand(a.b), categories: ['Beauty', cat] };
}
