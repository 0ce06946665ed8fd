import type { WireItem } from '../wire/wire.js';
import type { FeatureField } from './model-types.js';

export interface Feature {
  field: FeatureField;
  /** The hashed string, e.g. `brand:salomon`. */
  key: string;
  /** Weight inside its group (adjacent price bands get half). */
  weight: number;
}

const MAX_WORDS = 24;
/** Words that say nothing about taste in any catalogue language we expect first. */
const STOPWORDS = new Set(['and', 'the', 'for', 'with', 'of', 'in', 'a', 'an', 'to', 'by', 'on', 'de', 'la', 'le', 'et', 'und', 'der', 'die', 'das']);
const WORD = /[\p{L}\p{N}]+/gu;

function norm(text: string): string {
  return text.trim().toLowerCase().normalize('NFKC');
}

/** Price band on a half-octave log scale: 11 and 14 share a band, 11 and 40 do not. */
export function priceBand(price: number): number {
  return Math.floor(Math.log2(1 + Math.max(0, price)) * 2);
}

/** The key of an item's id feature: its row in a learned table (`next-items.ts` looks items up by it). */
export const idFeatureKey = (id: string): string => `id:${id}`;

/**
 * Every item also carries the constant `bias` feature (weight 0 in the zero-training model): in a
 * site-trained table it gives each candidate a learned popularity term through its dot product
 * with the shared bias row of history items.
 */
export function itemFeatures(item: WireItem): Feature[] {
  const out: Feature[] = [{ field: 'id', key: idFeatureKey(item.id), weight: 1 }, { field: 'bias', key: 'bias', weight: 1 }];
  if (item.brand) out.push({ field: 'brand', key: `brand:${norm(item.brand)}`, weight: 1 });
  if (item.categories) {
    for (const c of item.categories) if (c.trim()) out.push({ field: 'category', key: `cat:${norm(c)}`, weight: 1 });
  }
  if (item.title) {
    const seen = new Set<string>();
    for (const m of norm(item.title).matchAll(WORD)) {
      const w = m[0];
      if (w.length < 2 || STOPWORDS.has(w) || seen.has(w)) continue;
      seen.add(w);
      out.push({ field: 'word', key: `word:${w}`, weight: 1 });
      if (seen.size >= MAX_WORDS) break;
    }
  }
  if (item.price !== undefined) {
    const band = priceBand(item.price);
    out.push({ field: 'price', key: `price:${band}`, weight: 1 });
    // Neighbouring bands at half weight make nearby prices similar across a band edge.
    out.push({ field: 'price', key: `price:${band - 1}`, weight: 0.5 });
    out.push({ field: 'price', key: `price:${band + 1}`, weight: 0.5 });
  }
  if (item.attrs) {
    for (const [k, v] of item.attrs) {
      const key = norm(k);
      const values = Array.isArray(v) ? v : [v];
      for (const value of values) {
        const text = typeof value === 'string' ? norm(value) : String(value);
        if (text) out.push({ field: 'attr', key: `attr:${key}=${text}`, weight: 1 });
      }
    }
  }
  return out;
}
