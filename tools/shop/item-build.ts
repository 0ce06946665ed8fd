import type { WireItem } from '../../src/core/wire/wire.js';
import { candidateItems } from '../../src/core/wire/validate.js';
import { price as pagePrice, toItem } from '../../src/page/dom/item-fields.js';
import type { Item } from '../../src/core/types.js';
import type { FeedRow } from './feed-row.js';
import type { Problems } from './problems.js';

/**
 * A feed or event item as the page would send it, through the page's own field reading
 * (`item-fields.ts`: trimming, "A > B" category paths, "12.99 USD" prices, the variant attribute)
 * and the worker's candidate validation, so the trainer's features (`itemFeatures`) are the
 * ones a page item with the same fields hits.
 */
export function pageItem(fields: { id: string; title?: unknown; brand?: unknown; categories?: unknown; price?: unknown; variant?: unknown; attributes?: Record<string, unknown> | undefined }): WireItem | undefined {
  const item: Item | undefined = toItem(fields);
  if (!item) return undefined;
  if (fields.attributes) item.attributes = { ...(item.attributes ?? {}), ...(fields.attributes as Item['attributes']) };
  return candidateItems([item])[0];
}

/** A price field that is present but not a number is a counted problem; the item keeps no price. */
export function feedPrice(row: FeedRow, problems: Problems): number | undefined {
  if (row.price !== undefined) return row.price;
  const text = row.priceText?.trim();
  if (!text) return undefined;
  const p = pagePrice(text);
  if (p === undefined) problems.add("price is not a number (the item keeps no price)", { file: row.file, ...(row.line !== undefined ? { line: row.line } : { row: row.row! }), column: 'price' });
  return p;
}

export function feedItem(row: FeedRow, id: string, problems: Problems, keepVariant: boolean): WireItem | undefined {
  return pageItem({
    id,
    title: row.title,
    brand: row.brand,
    categories: row.categories,
    price: feedPrice(row, problems),
    variant: keepVariant ? row.variant : undefined,
    attributes: row.attributes,
  });
}
