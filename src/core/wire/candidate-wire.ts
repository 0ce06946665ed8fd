import type { AttributeValue } from '../types.js';
import { LIMITS } from './limits.js';
import { inputError, isRecord, requireString } from './validate.js';
import type { WireItem } from './wire.js';

/**
 * How a rank request carries its candidates to the worker: each validated item as one line of
 * JSON, in an array of strings. Why not the item objects: deserialising structured-clone objects
 * was the worker's largest cost of a long list (BENCHMARKS.md › Targets), while strings cross as plain copies; and each
 * line is a ready-made key for the worker's cache of parsed items (same product, same line), so
 * a list seen before is not parsed, and its items keep their identity, which the vector and
 * feature caches key on. Separate strings rather than one joined string: substrings split from
 * one request would each keep that whole request alive in the worker's cache.
 */
export type EncodedCandidates = string[];

export function encodeCandidates(items: readonly WireItem[]): EncodedCandidates {
  return items.map((item) => JSON.stringify(item));
}

/**
 * Whether two wire items are equal field by field, and so encode to the same line. Lets the
 * page reuse a line (`client/line-cache.ts`) without trusting that the shop left its object alone.
 */
export function sameWireItem(a: WireItem, b: WireItem): boolean {
  return a.id === b.id && a.title === b.title && a.brand === b.brand && a.price === b.price && sameStrings(a.categories, b.categories) && sameAttrs(a.attrs, b.attrs);
}

function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameAttrs(a: WireItem['attrs'], b: WireItem['attrs']): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [ka, va] = a[i]!;
    const [kb, vb] = b[i]!;
    if (ka !== kb) return false;
    if (Array.isArray(va) || Array.isArray(vb)) {
      if (!Array.isArray(va) || !Array.isArray(vb) || !sameStrings(va, vb)) return false;
    } else if (va !== vb) return false;
  }
  return true;
}

/** The lines of an encoded list, one per candidate, checked to be strings. */
export function candidateLines(encoded: unknown): string[] {
  if (!Array.isArray(encoded)) throw inputError('items', 'an array of JSON lines (encodeCandidates)', encoded);
  for (let i = 0; i < encoded.length; i++) {
    if (typeof encoded[i] !== 'string') throw inputError(`items[${i}]`, 'a string (an item as one line of JSON)', encoded[i]);
  }
  return encoded as string[];
}

/**
 * One line back into a wire item. The worker checks what it receives as strictly as the page
 * validated it (a foreign or buggy caller could send anything) and names the field it rejects;
 * the item is rebuilt from the known fields only.
 */
export function parseCandidate(line: string, field: string): WireItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw inputError(field, 'an item as one line of JSON', line);
  }
  return checkWireItem(value, field);
}

/** A string of at most `max` characters; empty allowed (the page kept what it was given). */
const checkString = (value: unknown, field: string, max: number): string => requireString(value, field, max, true);

function checkAttributeValue(value: unknown, field: string): AttributeValue {
  if (typeof value === 'string') return checkString(value, field, LIMITS.attributeValueLength);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value) && value.length <= LIMITS.attributeArrayLength) return value.map((s, i) => checkString(s, `${field}[${i}]`, LIMITS.attributeValueLength));
  throw inputError(field, `a string, finite number, boolean or at most ${LIMITS.attributeArrayLength} strings`, value);
}

/** The wire shape `candidateItems` produces, field by field. */
export function checkWireItem(value: unknown, field: string): WireItem {
  if (!isRecord(value)) throw inputError(field, 'an object with an id', value);
  const id = checkString(value.id, `${field}.id`, LIMITS.idLength);
  if (id.length === 0) throw inputError(`${field}.id`, 'a non-empty string', id);
  const item: WireItem = { id };
  if (value.title !== undefined) item.title = checkString(value.title, `${field}.title`, LIMITS.titleLength);
  if (value.brand !== undefined) item.brand = checkString(value.brand, `${field}.brand`, LIMITS.brandLength);
  if (value.categories !== undefined) {
    const cats = value.categories;
    if (!Array.isArray(cats) || cats.length > LIMITS.categories) throw inputError(`${field}.categories`, `an array of at most ${LIMITS.categories} strings`, cats);
    item.categories = cats.map((c, i) => checkString(c, `${field}.categories[${i}]`, LIMITS.categoryLength));
  }
  if (value.price !== undefined) {
    const price = value.price;
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) throw inputError(`${field}.price`, 'a finite number ≥ 0', price);
    item.price = price;
  }
  if (value.attrs !== undefined) {
    const attrs = value.attrs;
    if (!Array.isArray(attrs) || attrs.length > LIMITS.attributes) throw inputError(`${field}.attrs`, `an array of at most ${LIMITS.attributes} [key, value] pairs`, attrs);
    item.attrs = attrs.map((pair: unknown, i): [string, AttributeValue] => {
      const f = `${field}.attrs[${i}]`;
      if (!Array.isArray(pair) || pair.length !== 2) throw inputError(f, 'a [key, value] pair', pair);
      return [checkString(pair[0], `${f}[0]`, LIMITS.attributeKeyLength), checkAttributeValue(pair[1], `${f}[1]`)];
    });
  }
  return item;
}
