import type { Item } from 'hearth-sdk';
import { seeded } from './catalogue.js';

/** The slice of real Amazon Beauty shoppers made by scripts/demo-data.mjs (absent → a message). */
export interface BeautySlice {
  available: boolean;
  reason?: string;
  source?: string;
  /** Whether the demo serves the site-trained model (public/hearth-model/), as checked when the slice was made. */
  trainedModel?: boolean;
  /** Shoppers in the whole data set (the slice replays every k-th). */
  users?: number;
  /** Each shopper's items oldest first (the last one is the one to predict) and 99 they never touched. */
  shoppers: Array<{ user: number; items: number[]; negatives: number[] }>;
  /** item id → its attribute ids in the data's order, and how often other steps bought it (bestsellers). */
  items: Record<string, { a: number[]; p: number }>;
}

const MISSING: BeautySlice = { available: false, reason: 'The Amazon Beauty slice was not built: `npm run demo` makes it from ../shared/datasets/beauty.', shoppers: [], items: {} };

let slice: Promise<BeautySlice> | undefined;
export function loadBeauty(): Promise<BeautySlice> {
  slice ??= fetch('/data/beauty-slice.json', { cache: 'no-store' })
    .then(async (r) => (r.ok ? ((await r.json()) as BeautySlice) : MISSING))
    .catch(() => ({ ...MISSING, reason: 'Could not load the Amazon Beauty slice.' }));
  return slice;
}

/**
 * The item exactly as the shop's GA4 export and feed describe it (tools/shop/research-to-ga4.ts):
 * its id and its attributes as categories `a<id>`, no title or brand. The site-trained model's rows
 * are keyed by these fields, so a page must send the same ones for them to match.
 */
export function beautyItem(s: BeautySlice, id: number): Item {
  const a = s.items[String(id)]?.a ?? [];
  return a.length ? { id: String(id), categories: a.map((x) => `a${x}`) } : { id: String(id) };
}

const KINDS = ['Serum', 'Day Cream', 'Cleanser', 'Toner', 'Foundation', 'Blush', 'Shampoo', 'Conditioner', 'Hair Oil', 'Body Wash', 'Nail Polish', 'Lip Balm', 'Mascara', 'Sunscreen', 'Sheet Mask', 'Eau de Parfum'];
const ADJ = ['Hydrating', 'Radiant', 'Matte', 'Gentle', 'Intense', 'Silky', 'Daily', 'Repair', 'Glow', 'Pure'];

/** A readable label for an opaque id (display only: never sent to Hearth, so it cannot sway the ranking). */
export function beautyLabel(id: number): string {
  const r = seeded(id * 31 + 7);
  return `${ADJ[Math.floor(r() * ADJ.length)]} ${KINDS[Math.floor(r() * KINDS.length)]} (#${id})`;
}
