import type { Item } from '../../core/types.js';
import { debug } from '../../core/log.js';
import { isRecord, price, text, toItem } from './item-fields.js';
import { LIMITS } from '../../core/wire/limits.js';

/**
 * The product a product page describes in schema.org JSON-LD, if any. Shops write this by
 * hand or through plugins, so every field is read defensively: `brand` as a string or a
 * `Brand` object, `offers` as one offer, several, or an `AggregateOffer`, prices as strings.
 * Only the page's own product counts (top level, `@graph`, or a page's `mainEntity`), not the
 * related products a page may also describe.
 */
export function productFromJsonLd(data: unknown, depth = 0): Item | undefined {
  if (depth > 3) return undefined;
  if (Array.isArray(data)) {
    for (const d of data) {
      const found = productFromJsonLd(d, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!isRecord(data)) return undefined;
  if (isProductType(data['@type'])) return toProduct(data);
  return productFromJsonLd(data['@graph'], depth + 1) ?? productFromJsonLd(data.mainEntity, depth + 1);
}

/** Reads every `application/ld+json` block of the document; broken blocks are skipped. */
export function readPageProduct(doc: Document): Item | undefined {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const found = productFromJsonLd(JSON.parse(script.textContent ?? ''));
      if (found) return found;
    } catch (err) {
      debug('skipped a JSON-LD block', err);
    }
  }
  return undefined;
}

function isProductType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && /^(https?:\/\/schema\.org\/)?(Product|ProductGroup|IndividualProduct|ProductModel)$/.test(t));
}

function toProduct(p: Record<string, unknown>): Item | undefined {
  const brand = first(p.brand);
  return toItem({
    id: p.sku ?? p.productID ?? p.productGroupID ?? p.mpn ?? p.gtin13 ?? p.gtin ?? p['@id'] ?? p.url,
    title: p.name,
    brand: isRecord(brand) ? brand.name : brand,
    categories: p.category,
    price: offerPrice(p.offers),
    variant: text(p.color, LIMITS.attributeValueLength),
  });
}

function offerPrice(offers: unknown): number | undefined {
  for (const offer of Array.isArray(offers) ? offers : [offers]) {
    if (!isRecord(offer)) continue;
    const spec = first(offer.priceSpecification);
    // schema.org: prices use '.' before the decimals, so "1,299" there is 1299.
    const found = price(offer.price, '.') ?? price(offer.lowPrice, '.') ?? (isRecord(spec) ? price(spec.price, '.') : undefined);
    if (found !== undefined) return found;
  }
  return undefined;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}
