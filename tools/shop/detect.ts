import path from 'node:path';
import type { EventType } from '../../src/core/types.js';
import type { Inspected } from './inputs.js';
import { ShopDataError } from './shop-error.js';

export const EVENTS_FORMATS = ['ga4', 'segment', 'shopify-orders', 'folder'] as const;
export type EventsFormat = (typeof EVENTS_FORMATS)[number];
export const CATALOG_FORMATS = ['merchant', 'shopify', 'jsonl'] as const;
export type CatalogFormat = (typeof CATALOG_FORMATS)[number];

/** Segment writes one warehouse table per event; the table (file) name is the event. */
export const SEGMENT_TABLES: Readonly<Record<string, EventType>> = {
  product_list_viewed: 'impression',
  product_clicked: 'click',
  product_viewed: 'view',
  product_added: 'add_to_cart',
  order_completed: 'purchase',
};

const EXPECTED_EVENTS =
  'a GA4 BigQuery export (event_name, event_timestamp, user_pseudo_id, items), a Segment table (user_id or anonymous_id, timestamp, product_id or products) or a Shopify orders export (Name, Email, Created at, Lineitem name); or pass --events-format ga4|segment|shopify-orders|folder';
const EXPECTED_CATALOG =
  'a Google Merchant Center feed (TSV with id, title, …, or RSS XML with g:id), a Shopify products export (Handle, Title, Variant SKU, …) or JSON lines of Hearth items ({"id": …}); or pass --catalog-format merchant|shopify|jsonl';

function listColumns(c: readonly string[]): string {
  return c.length ? c.slice(0, 12).join(', ') + (c.length > 12 ? ', …' : '') : 'none found';
}

export function detectEvents(f: Inspected): Exclude<EventsFormat, 'folder'> {
  const has = (name: string) => f.columns.includes(name);
  if (has('event_name') && (has('user_pseudo_id') || has('items'))) return 'ga4';
  if (has('Lineitem name') || (has('Name') && has('Lineitem sku'))) return 'shopify-orders';
  if (has('anonymous_id') || (has('timestamp') && (has('product_id') || has('products')))) return 'segment';
  throw new ShopDataError(`${f.file}: cannot tell the events format (a ${f.peek.kind} file with columns ${listColumns(f.columns)}); expected ${EXPECTED_EVENTS}`);
}

export function detectCatalog(f: Inspected): CatalogFormat {
  const has = (name: string) => f.columns.includes(name);
  if (f.peek.kind === 'xml' && /<(rss|feed)\b|<g:id>/.test(f.peek.head)) return 'merchant';
  if ((f.peek.kind === 'tsv' || f.peek.kind === 'csv') && has('id') && has('title')) return 'merchant';
  if (has('Handle') && (has('Variant SKU') || has('Title'))) return 'shopify';
  if (f.peek.kind === 'json-lines' && has('id')) return 'jsonl';
  throw new ShopDataError(`${f.file}: cannot tell the catalogue format (a ${f.peek.kind} file with columns ${listColumns(f.columns)}); expected ${EXPECTED_CATALOG}`);
}

/** The Segment table a file holds, from its name (`product_viewed.csv`, `order_completed.parquet`). */
export function segmentTable(file: string): { table: string; action: EventType } {
  const table = path.basename(file).split('.')[0]!.toLowerCase();
  const action = SEGMENT_TABLES[table];
  if (!action) {
    throw new ShopDataError(`${file}: a Segment table's file must be named after its table, one of ${Object.keys(SEGMENT_TABLES).join(', ')} (e.g. product_viewed.csv); got '${table}'`);
  }
  return { table, action };
}

export function checkFormat<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new ShopDataError(`--${flag} must be one of ${allowed.join(', ')}; got '${value}'`);
  return value as T;
}
