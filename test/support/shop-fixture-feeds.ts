import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cut, DEFAULT_ITEMS, tableText, type FixtureItem, type Malformed } from './shop-fixture-shop.js';

export interface FeedOptions {
  malformed?: Malformed;
}

const MERCHANT_HEAD = ['id', 'title', 'description', 'link', 'image_link', 'availability', 'price', 'brand', 'google_product_category', 'product_type', 'item_group_id', 'size'];

function merchantFields(it: FixtureItem, i: number): Record<string, string> {
  return {
    id: it.id, title: it.title, description: `${it.title} by ${it.brand}.`, link: `https://shop.example/p/${it.id}`, image_link: `https://shop.example/img/${it.id}.jpg`,
    availability: i % 7 === 6 ? 'out of stock' : 'in stock', price: `${it.price.toFixed(2)} USD`, brand: it.brand,
    google_product_category: `Apparel & Accessories > ${it.categories[0] ?? ''}`, product_type: it.categories.join(' > '), item_group_id: it.group ?? '', size: it.variant ?? '',
  };
}

const xmlEscape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * A Google Merchant Center feed of the items: TSV with the feed's attribute names as the header,
 * or RSS 2.0 XML with the `g:` namespace. Price is "139.95 USD"; product_type "A > B > C".
 */
export function writeMerchantFeed(dir: string, items: FixtureItem[] = DEFAULT_ITEMS, opts: FeedOptions & { format?: 'tsv' | 'xml' } = {}): string {
  const bad = opts.malformed ?? {};
  const fields = items.map(merchantFields);
  if (bad.badPrice && fields[0]) fields[0].price = 'abc';
  if (opts.format !== 'xml') {
    const file = path.join(dir, 'feed.tsv');
    writeFileSync(file, tableText(MERCHANT_HEAD, fields.map((f) => MERCHANT_HEAD.map((h) => f[h])), bad, '\t'));
    return file;
  }
  const entry = (f: Record<string, string>) =>
    `<item>\n${MERCHANT_HEAD.filter((h) => h !== bad.missingColumn && f[h] !== '').map((h) => `  <g:${h}>${xmlEscape(f[h]!)}</g:${h}>`).join('\n')}\n</item>`;
  let xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0">',
    '<channel>',
    '<title>Fixture shop</title>',
    '<link>https://shop.example/</link>',
    '<description>Hearth test feed</description>',
    ...fields.map(entry),
    '</channel>',
    '</rss>',
  ].join('\n');
  if (bad.truncatedLine) xml = cut(xml);
  const file = path.join(dir, 'feed.xml');
  writeFileSync(file, xml + (bad.truncatedLine ? '' : '\n'));
  return file;
}

const SHOPIFY_HEAD = [
  'Handle', 'Title', 'Body (HTML)', 'Vendor', 'Product Category', 'Type', 'Tags', 'Published', 'Option1 Name', 'Option1 Value', 'Variant SKU', 'Variant Grams',
  'Variant Inventory Qty', 'Variant Price', 'Variant Compare At Price', 'Image Src', 'Status',
];

/**
 * A Shopify products export: one row per variant; as Shopify writes it, only a product's first
 * row carries Title, Vendor, Type and Tags, the others just Handle and the variant's fields.
 */
export function writeShopifyProducts(dir: string, items: FixtureItem[] = DEFAULT_ITEMS, opts: FeedOptions = {}): string {
  const bad = opts.malformed ?? {};
  const seen = new Set<string>();
  const rows = items.map((it) => {
    const handle = (it.group ?? it.id).toLowerCase();
    const first = !seen.has(handle);
    seen.add(handle);
    const f: Record<string, string | number> = {
      Handle: handle, 'Option1 Value': it.variant ?? 'Default Title', 'Variant SKU': it.id, 'Variant Grams': 400, 'Variant Inventory Qty': 5, 'Variant Price': it.price.toFixed(2),
    };
    if (first) {
      Object.assign(f, {
        Title: it.title, 'Body (HTML)': `<p>${it.title}</p>`, Vendor: it.brand, 'Product Category': `Apparel & Accessories > ${it.categories[0] ?? ''}`,
        Type: it.categories[it.categories.length - 1] ?? '', Tags: it.categories.join(', '), Published: 'true', 'Option1 Name': it.variant ? 'Size' : 'Title',
        'Image Src': `https://cdn.shop.example/${handle}.jpg`, Status: 'active',
      });
    }
    return SHOPIFY_HEAD.map((h) => f[h] ?? '');
  });
  if (bad.badPrice && rows[0]) rows[0][SHOPIFY_HEAD.indexOf('Variant Price')] = 'abc';
  const file = path.join(dir, 'products_export.csv');
  writeFileSync(file, tableText(SHOPIFY_HEAD, rows, bad));
  return file;
}

/** JSON lines of Hearth `Item`s, as a shop that already builds them for the page would write them. */
export function writeItemsJsonl(dir: string, items: FixtureItem[] = DEFAULT_ITEMS, opts: FeedOptions = {}): string {
  const bad = opts.malformed ?? {};
  const records: Record<string, unknown>[] = items.map((it) => {
    const r: Record<string, unknown> = { id: it.id, title: it.title, brand: it.brand, categories: it.categories, price: it.price };
    if (it.group) r.attributes = { group: it.group, size: it.variant ?? '' };
    return r;
  });
  if (bad.badPrice && records[0]) records[0].price = 'abc';
  if (bad.missingColumn) for (const r of records) delete r[bad.missingColumn];
  const lines = records.map((r) => JSON.stringify(r));
  if (bad.truncatedLine) lines[lines.length - 1] = cut(lines[lines.length - 1]!);
  const file = path.join(dir, 'items.jsonl');
  writeFileSync(file, lines.join('\n') + (bad.truncatedLine ? '' : '\n'));
  return file;
}
