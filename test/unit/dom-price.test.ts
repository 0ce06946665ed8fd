import { afterEach, describe, expect, it, vi } from 'vitest';
import { decimalMarkOf, parsePrice } from '../../src/page/dom/price-text.js';
import { price } from '../../src/page/dom/item-fields.js';
import { readCardItem } from '../../src/page/dom/card-item.js';
import { productFromJsonLd } from '../../src/page/dom/json-ld.js';

/** Just what readCardItem reads of a card: its attributes and the closest `lang`. */
function card(attrs: Record<string, string>, lang?: string): Element {
  return {
    getAttribute: (name: string) => attrs[name] ?? null,
    closest: (sel: string) => (sel === '[lang]' && lang ? { getAttribute: () => lang } : null),
  } as unknown as Element;
}

describe('prices as shops write them', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads the issue cases and the common European and US forms, whatever the page language', () => {
    const cases: Array<[string, number]> = [
      ['1.299,00 €', 1299],
      ['€ 89,95', 89.95],
      ['1,299.00', 1299],
      ['1 299,00', 1299],
      ['1\u00a0299,00\u00a0€', 1299],
      ['1\u202f299,00 €', 1299],
      ['89,95', 89.95],
      ['$1,299', 1299],
      ['1299', 1299],
      ['1299.5', 1299.5],
      ["CHF 1'299.00", 1299],
      ['CHF 1’299.50', 1299.5],
      ['12.345.678,90', 12345678.9],
      ['12,345,678', 12345678],
      ['£1,299', 1299],
      ['12,- €', 12],
      ['0,299', 0.299],
      ['€ 1299.50', 1299.5],
    ];
    for (const [text, want] of cases) {
      for (const lang of [undefined, '.', ','] as const) expect([text, lang, parsePrice(text, lang)]).toEqual([text, lang, want]);
    }
  });

  it('settles "1,299" and "1.299" by the page language, and drops them with a debug line without one', () => {
    expect(parsePrice('1,299', '.')).toBe(1299);
    expect(parsePrice('1,299', ',')).toBe(1.299);
    expect(parsePrice('1.299', ',')).toBe(1299);
    expect(parsePrice('1.299', '.')).toBe(1.299);
    const lines: unknown[][] = [];
    vi.stubGlobal('HEARTH_DEBUG', true);
    vi.spyOn(console, 'debug').mockImplementation((...a: unknown[]) => void lines.push(a));
    expect(parsePrice('1,299', undefined)).toBeUndefined();
    expect(parsePrice('1.299 €', undefined)).toBeUndefined();
    expect(lines.map((l) => l.join(' '))).toEqual([expect.stringMatching(/price "1,299" dropped: .*1\.299 or 1299.*lang/), expect.stringMatching(/price "1\.299 €" dropped/)]);
    vi.restoreAllMocks();
  });

  it('drops what is not one price instead of storing a wrong number', () => {
    for (const bad of ['free', '-5', '12.50 - 15.00', '1.2.3', '1,29,999', '1.299.00', '2 for 10', '1 299.000,00', '']) expect([bad, parsePrice(bad, '.')]).toEqual([bad, undefined]);
    expect(parsePrice(Infinity)).toBeUndefined();
    expect(parsePrice(-1)).toBeUndefined();
    expect(parsePrice(12.5)).toBe(12.5);
  });

  it('knows the decimal mark of common page languages', () => {
    expect([decimalMarkOf('en'), decimalMarkOf('en-US'), decimalMarkOf('de'), decimalMarkOf('fr-FR'), decimalMarkOf('de-CH'), decimalMarkOf(''), decimalMarkOf('not a tag!')]).toEqual(['.', '.', ',', ',', '.', undefined, undefined]);
  });

  it('cards: data-hearth-price by the closest lang; JSON-LD by the schema.org rule', () => {
    expect(readCardItem(card({ 'data-hearth-item': '', 'data-hearth-id': 'a', 'data-hearth-price': '1.299,00 €' }))?.price).toBe(1299);
    expect(readCardItem(card({ 'data-hearth-item': '', 'data-hearth-id': 'a', 'data-hearth-price': '1.299' }, 'de'))?.price).toBe(1299);
    expect(readCardItem(card({ 'data-hearth-item': '', 'data-hearth-id': 'a', 'data-hearth-price': '1,299' }, 'en-GB'))?.price).toBe(1299);
    expect(readCardItem(card({ 'data-hearth-item': '', 'data-hearth-id': 'a', 'data-hearth-price': '1,299' }))).toEqual({ id: 'a' });
    expect(productFromJsonLd({ '@type': 'Product', sku: 's', offers: { price: '1,299' } })?.price).toBe(1299);
    expect(price('89,95')).toBe(89.95);
  });

  it('cards: the JSON of data-hearth-item wins over a separate attribute; attributes fill what it lacks', () => {
    const both = card({ 'data-hearth-item': '{"id":"json-id","brand":"FromJson","price":10}', 'data-hearth-id': 'attr-id', 'data-hearth-brand': 'FromAttr', 'data-hearth-price': '20', 'data-hearth-title': 'Attr title', 'data-hearth-category': 'A > B' });
    expect(readCardItem(both)).toEqual({ id: 'json-id', brand: 'FromJson', price: 10, title: 'Attr title', categories: ['A', 'B'] });
  });
});
