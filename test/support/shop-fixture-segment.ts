import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { csvToParquet } from './shop-fixture-csv.js';
import { DEFAULT_ITEMS, DEFAULT_SHOPPERS, itemById, tableText, timeline, type FixtureItem, type FixtureShopper, type Malformed, type TimedInteraction } from './shop-fixture-shop.js';

export const SEGMENT_TABLES = ['product_viewed', 'product_clicked', 'product_added', 'order_completed'] as const;
export type SegmentTable = (typeof SEGMENT_TABLES)[number];

export interface TableOptions {
  items?: FixtureItem[];
  malformed?: Malformed;
}

type Cell = string | number | null;
const COMMON = ['id', 'received_at', 'timestamp', 'anonymous_id', 'user_id', 'context_page_url', 'event', 'event_text'];
const PRODUCT = ['product_id', 'sku', 'name', 'brand', 'category', 'variant', 'price', 'quantity'];
const HEADS: Record<SegmentTable, string[]> = {
  product_viewed: [...COMMON, ...PRODUCT],
  product_clicked: [...COMMON, ...PRODUCT, 'list_id', 'position'],
  product_added: [...COMMON, ...PRODUCT, 'cart_id'],
  order_completed: [...COMMON, 'order_id', 'total', 'revenue', 'currency', 'products'],
};
const EVENT_TEXT: Record<SegmentTable, string> = { product_viewed: 'Product Viewed', product_clicked: 'Product Clicked', product_added: 'Product Added', order_completed: 'Order Completed' };

const iso = (ms: number) => new Date(ms).toISOString();
const product = (it: FixtureItem) => ({ product_id: it.id, sku: it.id, name: it.title, brand: it.brand, category: it.categories.join(' > '), variant: it.variant ?? null, price: it.price, quantity: 1 });

function segmentRows(shoppers: FixtureShopper[], items: FixtureItem[]): Record<SegmentTable, Cell[][]> {
  const get = itemById(items);
  const rows: Record<SegmentTable, Cell[][]> = { product_viewed: [], product_clicked: [], product_added: [], order_completed: [] };
  const add = (table: SegmentTable, t: TimedInteraction, dt: number, fields: Record<string, Cell>) => {
    const at = t.at + dt * 1000;
    const common: Record<string, Cell> = {
      id: `${table}-${rows[table].length + 1}`, received_at: iso(at + 150), timestamp: iso(at), anonymous_id: t.shopper.id, user_id: t.shopper.userId ?? null,
      context_page_url: `https://shop.example/p/${t.item}`, event: table, event_text: EVENT_TEXT[table],
    };
    const all = { ...common, ...fields };
    rows[table].push(HEADS[table].map((h) => all[h] ?? null));
  };
  const orders = new Map<string, { t: TimedInteraction; products: ReturnType<typeof product>[] }>();
  for (const t of timeline(shoppers)) {
    if (t.action === 'impression') continue;
    const p = product(get(t.item));
    if (t.action === 'click') add('product_clicked', t, 0, { ...p, list_id: 'home_recs', position: 1 });
    add('product_viewed', t, 1, p);
    if (t.action === 'add_to_cart' || t.action === 'purchase') add('product_added', t, 5, { ...p, cart_id: `cart-${t.s}-${t.session}` });
    if (t.action !== 'purchase') continue;
    const key = `${t.s}/${t.session}`;
    const order = orders.get(key) ?? { t, products: [] };
    order.t = t;
    order.products.push(p);
    orders.set(key, order);
  }
  for (const [key, { t, products }] of orders) {
    const total = products.reduce((s, p) => s + p.price, 0);
    add('order_completed', t, 30, { order_id: `O-${key.replace('/', '-')}`, total, revenue: total, currency: 'USD', products: JSON.stringify(products) });
  }
  return rows;
}

/**
 * Segment warehouse tables of the shoppers, one CSV (or Parquet) per table in `dir`; Order
 * Completed carries its products as JSON text, as Segment's warehouses store arrays.
 */
export async function writeSegmentTables(dir: string, shoppers: FixtureShopper[] = DEFAULT_SHOPPERS, opts: TableOptions & { format?: 'csv' | 'parquet' } = {}): Promise<Record<SegmentTable, string>> {
  const bad = opts.malformed ?? {};
  const rows = segmentRows(shoppers, opts.items ?? DEFAULT_ITEMS);
  const viewed = rows.product_viewed;
  if (bad.noUserId) viewed.push(viewed[0]!.map((c, i) => (HEADS.product_viewed[i] === 'anonymous_id' || HEADS.product_viewed[i] === 'user_id' ? null : c)));
  if (bad.badPrice) viewed[0]![HEADS.product_viewed.indexOf('price')] = 'abc';
  const out = {} as Record<SegmentTable, string>;
  for (const table of SEGMENT_TABLES) {
    const file = path.join(dir, `${table}.csv`);
    writeFileSync(file, tableText(HEADS[table], rows[table], { ...bad, truncatedLine: bad.truncatedLine && table === 'order_completed' }));
    out[table] = opts.format === 'parquet' ? await csvToParquet(file, path.join(dir, `${table}.parquet`)) : file;
  }
  return out;
}

const ORDER_HEAD = [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total',
  'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price',
  'Lineitem sku', 'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Notes', 'Cancelled at', 'Payment Method',
  'Refunded Amount', 'Vendor', 'Id', 'Tags', 'Source', 'Lineitem discount',
];

/** Shopify's date format: `2024-03-01 09:00:30 +0000`. */
const shopifyDate = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} +0000`;

/**
 * A Shopify orders export: one row per line item, newest order first as Shopify lists them;
 * order-level fields (status, totals, payment) only on an order's first row. Each visit with a
 * purchase is one order. `noUserId` adds an order without an email (a till sale).
 */
export function writeShopifyOrders(dir: string, shoppers: FixtureShopper[] = DEFAULT_SHOPPERS, opts: TableOptions = {}): string {
  const bad = opts.malformed ?? {};
  const get = itemById(opts.items ?? DEFAULT_ITEMS);
  const orders = new Map<string, { email: string; at: number; lines: FixtureItem[] }>();
  for (const t of timeline(shoppers)) {
    if (t.action !== 'purchase') continue;
    const key = `${t.s}/${t.session}`;
    const order = orders.get(key) ?? { email: t.shopper.email ?? `${t.shopper.id}@example.com`, at: t.at + 30_000, lines: [] };
    order.at = t.at + 30_000;
    order.lines.push(get(t.item));
    orders.set(key, order);
  }
  const list = [...orders.values()];
  if (bad.noUserId && list[0]) list.push({ ...list[0], email: '' });
  const byOrder: Cell[][][] = [];
  list.forEach((o, n) => {
    const rows: Cell[][] = [];
    byOrder.push(rows);
    const total = o.lines.reduce((s, it) => s + it.price, 0);
    o.lines.forEach((it, i) => {
      const first = i === 0;
      const f: Record<string, Cell> = {
        Name: `#${1001 + n}`, Email: o.email, 'Created at': shopifyDate(o.at), 'Lineitem quantity': 1, 'Lineitem name': it.variant ? `${it.title} - ${it.variant}` : it.title,
        'Lineitem price': it.price.toFixed(2), 'Lineitem sku': it.id, 'Lineitem requires shipping': 'true', 'Lineitem taxable': 'true', 'Lineitem fulfillment status': 'fulfilled',
        Vendor: it.brand, 'Lineitem discount': 0,
      };
      if (first) Object.assign(f, { 'Financial Status': 'paid', 'Paid at': shopifyDate(o.at), 'Fulfillment Status': 'fulfilled', 'Accepts Marketing': 'no', Currency: 'USD', Subtotal: total.toFixed(2), Shipping: '0.00', Taxes: '0.00', Total: total.toFixed(2), 'Discount Amount': 0, 'Billing Name': 'Fixture Shopper', 'Payment Method': 'Shopify Payments', 'Refunded Amount': 0, Id: 5_000_000 + n, Source: 'web' });
      rows.push(ORDER_HEAD.map((h) => f[h] ?? null));
    });
  });
  const rows = byOrder.reverse().flat();
  if (bad.badPrice) rows[0]![ORDER_HEAD.indexOf('Lineitem price')] = 'abc';
  const file = path.join(dir, 'orders_export.csv');
  writeFileSync(file, tableText(ORDER_HEAD, rows, bad));
  return file;
}
