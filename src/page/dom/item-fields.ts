import type { Item } from '../../core/types.js';
import { LIMITS } from '../../core/wire/limits.js';
import { pageDecimalMark, parsePrice, type DecimalMark } from './price-text.js';

/**
 * Turns loosely typed fields read from a page (dataLayer, JSON-LD, data attributes) into an
 * `Item`, or `undefined` when there is no usable id. Over-long strings are cut to the limits
 * rather than rejected: a shop's long product title must not cost the whole event.
 */
export interface LooseItem {
  id?: unknown;
  title?: unknown;
  brand?: unknown;
  categories?: unknown;
  price?: unknown;
  variant?: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A trimmed, capped string from a string or a finite number; `undefined` if empty. */
export function text(value: unknown, max: number): string | undefined {
  const s = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
  return s ? s.slice(0, max) : undefined;
}

/**
 * A price from a number or a price text ("129.00", "1.299,00 €", "$1,299"; rules in price-text.ts);
 * `undefined` if not one. `decimal` settles "1,299" / "1.299": by default the page's language.
 */
export function price(value: unknown, decimal: DecimalMark | undefined = pageDecimalMark()): number | undefined {
  return parsePrice(value, decimal);
}

/** Category paths come as arrays or as "Outdoor > Tents" strings. */
export function categoryList(value: unknown): string[] | undefined {
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split('>') : [];
  const out: string[] = [];
  for (const p of parts) {
    const c = text(p, LIMITS.categoryLength);
    if (c && out.length < LIMITS.categories) out.push(c);
  }
  return out.length ? out : undefined;
}

/** `decimal`: the decimal mark that settles an ambiguous price text (default: the page's language). */
export function toItem(raw: LooseItem, decimal?: DecimalMark): Item | undefined {
  const id = text(raw.id, LIMITS.idLength);
  if (!id) return undefined;
  const item: Item = { id };
  const title = text(raw.title, LIMITS.titleLength);
  if (title) item.title = title;
  const brand = text(raw.brand, LIMITS.brandLength);
  if (brand) item.brand = brand;
  const categories = categoryList(raw.categories);
  if (categories) item.categories = categories;
  const p = price(raw.price, decimal ?? pageDecimalMark());
  if (p !== undefined) item.price = p;
  const variant = text(raw.variant, LIMITS.attributeValueLength);
  if (variant) item.attributes = { variant };
  return item;
}

/** A 0-based list position from an integer-ish value; `undefined` otherwise. */
export function position(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= LIMITS.maxPosition ? n : undefined;
}
