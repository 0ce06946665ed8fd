import { LIMITS } from './limits.js';
import { EVENT_TYPES, type AttributeValue, type EventType, type ItemMatch, type MerchandisingRules, type RerankOptions, type Rotation } from '../types.js';
import type { ForgetWire, WireEvent, WireItem } from './wire.js';
import { HEARTH_ERRORS, hearthError } from '../errors.js';

/**
 * Validation turns untrusted page input into wire data. Errors are plain `Error`s named
 * `HearthInputError` whose message names the field and says what is expected, e.g.
 * "event.item.price must be a finite number, got NaN". Match on `name`, not `instanceof`:
 * errors that cross a worker lose their class.
 */
export function inputError(field: string, expected: string, got?: unknown): Error {
  const suffix = arguments.length > 2 ? `, got ${describe(got)}` : '';
  return hearthError(HEARTH_ERRORS.input, `${field} must be ${expected}${suffix}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  return typeof value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireString(value: unknown, field: string, max: number, allowEmpty = false): string {
  if (typeof value !== 'string') throw inputError(field, 'a string', value);
  if (!allowEmpty && value.trim().length === 0) throw inputError(field, 'a non-empty string', value);
  if (value.length > max) throw inputError(field, `at most ${max} characters`, value);
  return value;
}

function optionalString(value: unknown, field: string, max: number): string | undefined {
  return value === undefined ? undefined : requireString(value, field, max, true);
}

function requireFinite(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw inputError(field, 'a finite number', value);
  if (value < min || value > max) throw inputError(field, `between ${min} and ${max}`, value);
  return value;
}

function requireInteger(value: unknown, field: string, min: number, max: number): number {
  const n = requireFinite(value, field, min, max);
  if (!Number.isInteger(n)) throw inputError(field, 'an integer', n);
  return n;
}

/** Strict: used for tracked items, which are written to storage. */
export function validateItem(value: unknown, field: string): WireItem {
  if (!isRecord(value)) throw inputError(field, 'an object with an id', value);
  const item: WireItem = { id: requireString(value.id, `${field}.id`, LIMITS.idLength) };
  const title = optionalString(value.title, `${field}.title`, LIMITS.titleLength);
  if (title) item.title = title;
  const brand = optionalString(value.brand, `${field}.brand`, LIMITS.brandLength);
  if (brand) item.brand = brand;
  if (value.categories !== undefined) {
    const cats = value.categories;
    if (!Array.isArray(cats)) throw inputError(`${field}.categories`, 'an array of strings', cats);
    if (cats.length > LIMITS.categories) throw inputError(`${field}.categories`, `at most ${LIMITS.categories} entries`, cats);
    item.categories = cats.map((c, i) => requireString(c, `${field}.categories[${i}]`, LIMITS.categoryLength));
  }
  if (value.price !== undefined) item.price = requireFinite(value.price, `${field}.price`, 0, Number.MAX_SAFE_INTEGER);
  if (value.attributes !== undefined) item.attrs = validateAttributes(value.attributes, `${field}.attributes`);
  return item;
}

function validateAttributes(value: unknown, field: string): Array<[string, AttributeValue]> {
  if (!isRecord(value)) throw inputError(field, 'an object of string, number, boolean or string[] values', value);
  const keys = Object.keys(value);
  if (keys.length > LIMITS.attributes) throw inputError(field, `at most ${LIMITS.attributes} keys`, keys.length);
  return keys.map((key): [string, AttributeValue] => {
    const f = `${field}.${key}`;
    requireString(key, `${field} key`, LIMITS.attributeKeyLength);
    const v = value[key];
    if (typeof v === 'string') return [key, requireString(v, f, LIMITS.attributeValueLength, true)];
    if (typeof v === 'boolean') return [key, v];
    if (typeof v === 'number') return [key, requireFinite(v, f, -Number.MAX_VALUE, Number.MAX_VALUE)];
    if (Array.isArray(v)) {
      if (v.length > LIMITS.attributeArrayLength) throw inputError(f, `at most ${LIMITS.attributeArrayLength} entries`, v);
      return [key, v.map((s, i) => requireString(s, `${f}[${i}]`, LIMITS.attributeValueLength, true))];
    }
    throw inputError(f, 'a string, number, boolean or string[]', v);
  });
}

export function validateEvent(value: unknown, now: number = Date.now()): WireEvent {
  if (!isRecord(value)) throw inputError('event', 'an object like { type, item }', value);
  const type = value.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
    throw inputError('event.type', `one of ${EVENT_TYPES.map((t) => `'${t}'`).join(', ')}`, type);
  }
  const event: WireEvent = { type: type as EventType, item: validateItem(value.item, 'event.item'), at: now };
  const listId = optionalString(value.listId, 'event.listId', LIMITS.listIdLength);
  if (listId) event.listId = listId;
  if (value.position !== undefined) event.position = requireInteger(value.position, 'event.position', 0, LIMITS.maxPosition);
  if (value.dwellMs !== undefined) event.dwellMs = requireFinite(value.dwellMs, 'event.dwellMs', 0, LIMITS.maxDwellMs);
  // Events from the future or before 2000 are clock bugs on the page; they would distort decay.
  if (value.at !== undefined) event.at = requireFinite(value.at, 'event.at', 946_684_800_000, now + 86_400_000);
  const orderId = optionalString(value.orderId, 'event.orderId', LIMITS.orderIdLength);
  if (orderId) event.orderId = orderId;
  return event;
}

/**
 * Lenient: used for rerank candidates, which come from the shop's own server and are never
 * stored. Only `id` is required (a list without ids cannot be reordered meaningfully);
 * a malformed optional field is dropped rather than failing the page's list.
 */
export function candidateItems(value: unknown): WireItem[] {
  if (!Array.isArray(value)) throw inputError('items', 'an array of items', value);
  const out = new Array<WireItem>(value.length);
  for (let i = 0; i < value.length; i++) {
    const raw: unknown = value[i];
    if (!isRecord(raw)) throw inputError(`items[${i}]`, 'an object with an id', raw);
    const id = raw.id;
    if (typeof id !== 'string' || id.length === 0) throw inputError(`items[${i}].id`, 'a non-empty string', id);
    out[i] = lenientItem(raw, id.slice(0, LIMITS.idLength));
  }
  return out;
}

function lenientItem(raw: Record<string, unknown>, id: string): WireItem {
  const item: WireItem = { id };
  if (typeof raw.title === 'string') item.title = raw.title.slice(0, LIMITS.titleLength);
  if (typeof raw.brand === 'string') item.brand = raw.brand.slice(0, LIMITS.brandLength);
  if (Array.isArray(raw.categories)) {
    // One loop, one array (this runs for every candidate of every rerank): the strings among
    // the entries, the first LIMITS.categories of them, each cut to its length limit.
    // An index loop, not for…of: a page's array may carry its own iterator.
    const list = raw.categories as unknown[];
    const cats: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (typeof c !== 'string') continue;
      if (cats.length === LIMITS.categories) break;
      cats.push(c.length > LIMITS.categoryLength ? c.slice(0, LIMITS.categoryLength) : c);
    }
    item.categories = cats;
  }
  if (typeof raw.price === 'number' && Number.isFinite(raw.price) && raw.price >= 0) item.price = raw.price;
  if (isRecord(raw.attributes)) {
    try {
      item.attrs = validateAttributes(raw.attributes, 'attributes');
    } catch {
      // A candidate's odd attributes only cost it some features; the list still reranks.
    }
  }
  return item;
}

export function validateRerankOptions(value: unknown): RerankOptions {
  if (value === undefined) return {};
  if (!isRecord(value)) throw inputError('options', 'an object', value);
  const out: RerankOptions = {};
  for (const knob of ['exploration', 'diversity'] as const) {
    if (value[knob] !== undefined) out[knob] = requireFinite(value[knob], `options.${knob}`, 0, 1);
  }
  if (value.privacyNoise !== undefined) out.privacyNoise = validatePrivacyNoise(value.privacyNoise);
  if (value.maxSameCategory !== undefined) out.maxSameCategory = requireInteger(value.maxSameCategory, 'options.maxSameCategory', 1, 10);
  const listId = optionalString(value.listId, 'options.listId', LIMITS.listIdLength);
  if (listId) out.listId = listId;
  if (value.limit !== undefined) out.limit = requireInteger(value.limit, 'options.limit', 0, Number.MAX_SAFE_INTEGER);
  if (value.timeoutMs !== undefined) out.timeoutMs = requireFinite(value.timeoutMs, 'options.timeoutMs', 0, 600_000);
  if (value.rules !== undefined) out.rules = validateRules(value.rules, 'options.rules');
  if (value.rotation !== undefined) out.rotation = validateRotation(value.rotation, 'options.rotation');
  return out;
}

/** `{ epsilon }` (ε per position, above 0), or the older level p in 0–1. */
function validatePrivacyNoise(value: unknown): number | { epsilon: number } {
  if (typeof value === 'number') return requireFinite(value, 'options.privacyNoise', 0, 1);
  if (!isRecord(value)) throw inputError('options.privacyNoise', '{ epsilon: number above 0 } (or a level from 0 to 1)', value);
  onlyKnown(value, 'options.privacyNoise', ['epsilon']);
  const epsilon = requireFinite(value.epsilon, 'options.privacyNoise.epsilon', 0, 1000);
  if (epsilon === 0) throw inputError('options.privacyNoise.epsilon', 'a number above 0 (larger: less noise)', value.epsilon);
  return { epsilon };
}

/** Rules are the shop's own code: a typo must fail loudly, so unknown fields are rejected. */
function onlyKnown(value: Record<string, unknown>, field: string, known: readonly string[]): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) throw inputError(`${field}.${key}`, `absent (known fields: ${known.join(', ')})`, value[key]);
}

function ruleList(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw inputError(field, 'an array', value);
  if (value.length > LIMITS.rules) throw inputError(field, `at most ${LIMITS.rules} entries`, value);
  return value;
}

const MATCH_FIELDS = ['ids', 'brand', 'category', 'attribute', 'purchased', 'inCart'] as const;

export function validateItemMatch(value: unknown, field: string): ItemMatch {
  if (!isRecord(value)) throw inputError(field, `an object with any of ${MATCH_FIELDS.join(', ')}`, value);
  onlyKnown(value, field, MATCH_FIELDS);
  const out: ItemMatch = {};
  if (value.ids !== undefined) out.ids = ruleList(value.ids, `${field}.ids`).map((id, i) => requireString(id, `${field}.ids[${i}]`, LIMITS.idLength));
  if (value.brand !== undefined) out.brand = requireString(value.brand, `${field}.brand`, LIMITS.brandLength);
  if (value.category !== undefined) out.category = requireString(value.category, `${field}.category`, LIMITS.categoryLength);
  if (value.attribute !== undefined) {
    const a = value.attribute;
    if (!isRecord(a)) throw inputError(`${field}.attribute`, 'an object like { name, value }', a);
    onlyKnown(a, `${field}.attribute`, ['name', 'value']);
    const name = requireString(a.name, `${field}.attribute.name`, LIMITS.attributeKeyLength);
    const [[, v]] = validateAttributes({ [name]: a.value }, `${field}.attribute.value`) as [[string, AttributeValue]];
    out.attribute = { name, value: v };
  }
  for (const flagName of ['purchased', 'inCart'] as const) {
    const b = value[flagName];
    if (b !== undefined && typeof b !== 'boolean') throw inputError(`${field}.${flagName}`, 'a boolean', b);
    if (b !== undefined) out[flagName] = b;
  }
  return out;
}

export function validateRules(value: unknown, field: string): MerchandisingRules {
  if (!isRecord(value)) throw inputError(field, 'an object like { exclude?, pin?, boost? }', value);
  onlyKnown(value, field, ['exclude', 'pin', 'boost']);
  const out: MerchandisingRules = {};
  if (value.exclude !== undefined) out.exclude = ruleList(value.exclude, `${field}.exclude`).map((m, i) => validateItemMatch(m, `${field}.exclude[${i}]`));
  if (value.pin !== undefined) {
    out.pin = ruleList(value.pin, `${field}.pin`).map((p, i) => {
      const f = `${field}.pin[${i}]`;
      if (!isRecord(p)) throw inputError(f, 'an object like { id, position }', p);
      onlyKnown(p, f, ['id', 'position']);
      const id = requireString(p.id, `${f}.id`, LIMITS.idLength);
      const position = p.position;
      if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position > LIMITS.maxPosition) {
        throw inputError(`${f}.position`, 'a non-negative integer', position);
      }
      return { id, position };
    });
  }
  if (value.boost !== undefined) {
    out.boost = ruleList(value.boost, `${field}.boost`).map((b, i) => {
      const f = `${field}.boost[${i}]`;
      if (!isRecord(b)) throw inputError(f, 'an object like { match, weight }', b);
      onlyKnown(b, f, ['match', 'weight']);
      return { match: validateItemMatch(b.match, `${f}.match`), weight: requireFinite(b.weight, `${f}.weight`, -LIMITS.maxBoost, LIMITS.maxBoost) };
    });
  }
  return out;
}

function validateRotation(value: unknown, field: string): Rotation {
  if (!isRecord(value)) throw inputError(field, 'an object like { rate, hours }', value);
  onlyKnown(value, field, ['rate', 'hours']);
  const rate = requireFinite(value.rate, `${field}.rate`, 0, 1);
  const hours = requireFinite(value.hours, `${field}.hours`, 0, 8_760);
  if (hours === 0) throw inputError(`${field}.hours`, 'more than 0', hours);
  return { rate, hours };
}


const FORGET_SHAPES = "{ itemId }, { brand }, { category }, { from?, to? } (epoch ms) or { all: true }";

export function validateForget(value: unknown): ForgetWire {
  if (!isRecord(value)) throw inputError('forget argument', FORGET_SHAPES, value);
  if (value.all === true) return { all: true };
  if (value.itemId !== undefined) return { itemId: requireString(value.itemId, 'forget.itemId', LIMITS.idLength) };
  if (value.brand !== undefined) return { brand: requireString(value.brand, 'forget.brand', LIMITS.brandLength) };
  if (value.category !== undefined) return { category: requireString(value.category, 'forget.category', LIMITS.categoryLength) };
  if (value.from !== undefined || value.to !== undefined) {
    const range: { from?: number; to?: number } = {};
    if (value.from !== undefined) range.from = requireFinite(value.from, 'forget.from', 0, Number.MAX_SAFE_INTEGER);
    if (value.to !== undefined) range.to = requireFinite(value.to, 'forget.to', 0, Number.MAX_SAFE_INTEGER);
    if (range.from !== undefined && range.to !== undefined && range.from > range.to) throw inputError('forget.from', 'at most forget.to', range.from);
    return range;
  }
  throw inputError('forget argument', FORGET_SHAPES, value);
}
