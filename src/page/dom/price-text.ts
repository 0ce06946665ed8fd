import { debug } from '../../core/log.js';

/** The character before the decimals: '.' (1,299.00) or ',' (1.299,00). */
export type DecimalMark = '.' | ',';

/** Thousands separators that can never be a decimal mark: spaces (also no-break ones) and apostrophes. */
const SPACE_GROUP = /[\s\u00a0\u202f'’]/;
/** The number inside a price text: from its first digit to its last. */
const NUMBER_PART = /\d(?:[\d.,\s\u00a0\u202f'’]*\d)?/;
/** Currencies written with '.' before the decimals whatever the page's language. */
const DOT_CURRENCIES = /[$£¥₹]|\b(?:USD|GBP|JPY|INR|AUD|CAD|NZD|SGD|HKD)\b/i;

/**
 * A price from a number or a price text as shops write it: "1,299.00", "1.299,00 €", "1 299,00",
 * "€ 89,95", "$1,299", "CHF 1'299.00", "1299". Text is read by these rules (README › Prices):
 * - the last '.' or ',' followed by other than three digits, or after the other mark, is the decimal mark;
 * - a mark that appears more than once, spaces and apostrophes group thousands (groups of three);
 * - a single mark followed by exactly three digits ("1,299", "1.299") is ambiguous: the currency
 *   decides if it is one written with '.' decimals ($, £, USD…), else the page's language
 *   (`decimal`, from `lang`), else the price is dropped with a debug line, never guessed.
 * Anything else (negative, two numbers, words between digits) is dropped: `undefined`.
 */
export function parsePrice(value: unknown, decimal?: DecimalMark): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  // "12,- €", "12.–": whole amounts as German and Swiss shops write them.
  const text = value.replace(/(\d)[.,][-–—]+/, '$1');
  const match = NUMBER_PART.exec(text);
  if (!match) return undefined;
  const rest = text.slice(0, match.index) + text.slice(match.index + match[0].length);
  // A minus sign, a second number or a bare "." left over: not one price.
  if (/[-\d]/.test(rest)) return dropped(value, 'it is not a single non-negative number');
  const hint = DOT_CURRENCIES.test(rest) ? '.' : decimal;
  return readNumber(match[0], hint, value);
}

function readNumber(core: string, hint: DecimalMark | undefined, original: string): number | undefined {
  const mark = decimalMark(core, hint);
  if (mark === 'ambiguous') {
    return dropped(original, `"${core}" could be ${core.replace(/[.,]/, '.')} or ${core.replace(/[.,]/, '')}; set the page's lang or write the price as a plain number (1299.00)`);
  }
  const cut = mark === undefined ? -1 : core.lastIndexOf(mark);
  const whole = cut < 0 ? core : core.slice(0, cut);
  const decimals = cut < 0 ? '' : core.slice(cut + 1);
  if (!/^\d+$/.test(decimals || '0') || !groupedWell(whole)) return dropped(original, 'its thousands separators are not in groups of three');
  const n = Number(`${whole.replace(/\D/g, '')}.${decimals || '0'}`);
  return Number.isFinite(n) ? n : undefined;
}

/** Which of '.' and ',' is the decimal mark in `core`, `undefined` for none. */
function decimalMark(core: string, hint: DecimalMark | undefined): DecimalMark | undefined | 'ambiguous' {
  const last = Math.max(core.lastIndexOf('.'), core.lastIndexOf(','));
  if (last < 0) return undefined;
  const mark = core[last] as DecimalMark;
  const other: DecimalMark = mark === '.' ? ',' : '.';
  if (core.includes(other)) return mark; // "1.299,00", "1,299.00": the later mark is the decimal one
  if (core.indexOf(mark) !== last) return undefined; // "1.299.000": a grouping mark
  const after = core.length - last - 1;
  if (after !== 3) return mark; // "89,95", "12.5"
  const before = core.slice(0, last);
  // "0,299" cannot be grouped; "1 299.000" already groups with spaces.
  if (/^0+$/.test(before) || SPACE_GROUP.test(before)) return mark;
  if (hint === undefined) return 'ambiguous';
  return hint === mark ? mark : undefined;
}

/** "1.299", "12 345 678", "1'299": one kind of separator, groups of three after the first. */
function groupedWell(whole: string): boolean {
  const separators = new Set(whole.replace(/\d/g, ''));
  if (separators.size === 0) return true;
  if (separators.size > 1) return false;
  const groups = whole.split(/\D/);
  return groups[0]!.length >= 1 && groups[0]!.length <= 3 && groups.slice(1).every((g) => g.length === 3);
}

function dropped(value: string, why: string): undefined {
  debug(`price ${JSON.stringify(value)} dropped: ${why}`);
  return undefined;
}

/**
 * The decimal mark of a language tag ("de" → ',', "en-US" → '.', "de-CH" → '.'), from the
 * platform's own number formatting; `undefined` for no tag or one the platform does not know.
 */
export function decimalMarkOf(lang: string | null | undefined): DecimalMark | undefined {
  if (!lang) return undefined;
  try {
    const part = new Intl.NumberFormat(lang).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
    return part === '.' || part === ',' ? part : undefined;
  } catch {
    return undefined;
  }
}

/** The decimal mark of the page an element is on: its closest `lang`, else the document's. */
export function pageDecimalMark(el?: Element | null): DecimalMark | undefined {
  const own = el?.closest?.('[lang]')?.getAttribute('lang');
  if (own) return decimalMarkOf(own);
  const doc = (globalThis as { document?: Document }).document;
  return decimalMarkOf(doc?.documentElement?.lang);
}
