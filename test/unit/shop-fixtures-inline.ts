import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Tiny shop exports written at test time (the shared fixture writers replace these later). */
export const BRANDS = ['Salomon', 'Hoka', 'Asics', 'Brooks'];

export function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'hearth-shop-'));
}

const ga4Item = (i: number) => ({ item_id: `SKU-${i}`, item_name: `Shoe ${i}`, item_brand: BRANDS[i % 4], item_variant: null, item_category: 'Shoes', item_category2: i % 2 ? 'Trail' : 'Road', item_category3: null, item_category4: null, item_category5: null, price: 100 + i, item_list_id: null, item_list_index: null });

/** GA4 export lines: 40 shoppers, each browsing one brand in 3 sessions; page_view noise; one row without a shopper. */
export function ga4Lines(): string[] {
  const lines: string[] = [];
  let t = 1_704_100_000_000_000;
  for (let u = 0; u < 40; u++) {
    for (let k = 0; k < 6; k++) {
      const i = (u % 4) + 4 * ((u + k) % 10);
      const base = { user_pseudo_id: `p${u}`, user_id: u % 5 === 0 ? `crm-${u}` : null, event_params: [{ key: 'ga_session_id', value: { string_value: null, int_value: String(1000 + u * 10 + Math.floor(k / 2)), float_value: null, double_value: null } }], ecommerce: { transaction_id: null } };
      t += 1_000_000;
      const ev = (dt: number, name: string, items: object[], extra: object = {}) => lines.push(JSON.stringify({ ...base, event_timestamp: String(t + dt), event_name: name, items, ...extra }));
      ev(0, 'page_view', []);
      ev(1, 'view_item_list', [ga4Item(i), ga4Item((i + 1) % 40)]);
      ev(2, 'view_item', [ga4Item(i)]);
      if (k % 2) ev(3, 'add_to_cart', [ga4Item(i)]);
      if (k === 5) ev(4, 'purchase', [ga4Item(i)], { ecommerce: { transaction_id: `T${u}` } });
    }
  }
  lines.push(JSON.stringify({ user_pseudo_id: null, user_id: null, event_timestamp: String(t), event_name: 'view_item', items: [ga4Item(1)] }));
  return lines;
}

export function writeGa4(dir: string, lines = ga4Lines()): string {
  const file = path.join(dir, 'events.ndjson.gz');
  writeFileSync(file, gzipSync(lines.join('\n') + '\n'));
  return file;
}

export function writeMerchantTsv(dir: string, badPriceAt = -1): string {
  const rows = ['id\ttitle\tbrand\tproduct_type\tprice\titem_group_id\tavailability'];
  for (let i = 0; i < 40; i++) rows.push(`SKU-${i}\tShoe ${i}\t${BRANDS[i % 4]}\tShoes > ${i % 2 ? 'Trail' : 'Road'}\t${i === badPriceAt ? 'abc' : `${100 + i}.00 USD`}\tG-${Math.floor(i / 2)}\tin stock`);
  const file = path.join(dir, 'feed.tsv');
  writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

export function writeMerchantXml(dir: string): string {
  const items = Array.from({ length: 40 }, (_, i) => `<item><g:id>SKU-${i}</g:id><title><![CDATA[Shoe ${i}]]></title><g:brand>${BRANDS[i % 4]}</g:brand><g:product_type>Shoes &gt; ${i % 2 ? 'Trail' : 'Road'}</g:product_type><g:price>${100 + i}.00 USD</g:price><g:item_group_id>G-${Math.floor(i / 2)}</g:item_group_id></item>`);
  const file = path.join(dir, 'feed.xml');
  writeFileSync(file, `<?xml version="1.0"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>\n${items.join('\n')}\n</channel></rss>\n`);
  return file;
}

export function writeShopifyProducts(dir: string): string {
  const rows = ['Handle,Title,Vendor,Type,Tags,Option1 Value,Variant SKU,Variant Price'];
  for (let i = 0; i < 40; i += 2) {
    rows.push(`shoe-${i},Shoe ${i},${BRANDS[i % 4]},Trail,"a, b",Small,SKU-${i},${100 + i}.00`);
    rows.push(`shoe-${i},,,,,Large,SKU-${i + 1},${101 + i}.00`);
  }
  const file = path.join(dir, 'products_export.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

export function writeJsonl(dir: string): string {
  const file = path.join(dir, 'items.jsonl');
  writeFileSync(file, Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `SKU-${i}`, title: `Shoe ${i}`, brand: BRANDS[i % 4], categories: ['Shoes'], price: 100 + i })).join('\n') + '\n');
  return file;
}

/** Segment: product_viewed and order_completed tables; shopper s0 views then buys SKU-1 the same day. */
export function writeSegment(dir: string): string {
  const folder = path.join(dir, 'segment');
  mkdirSync(folder);
  const viewed = ['id,user_id,anonymous_id,timestamp,product_id,name,brand,category,price'];
  const orders = ['id,user_id,anonymous_id,timestamp,order_id,products'];
  for (let u = 0; u < 10; u++) {
    viewed.push(`v${u}a,,s${u},2024-01-0${1 + (u % 3)}T10:00:00Z,SKU-${u},Shoe ${u},${BRANDS[u % 4]},Shoes,${100 + u}`);
    viewed.push(`v${u}b,,s${u},2024-01-0${1 + (u % 3)}T10:05:00Z,SKU-${u + 1},Shoe ${u + 1},${BRANDS[(u + 1) % 4]},Shoes,${101 + u}`);
    const products = JSON.stringify([{ product_id: `SKU-${u}`, name: `Shoe ${u}`, brand: BRANDS[u % 4], price: 100 + u }]).replace(/"/g, '""');
    orders.push(`o${u},,s${u},2024-01-0${1 + (u % 3)}T11:00:00Z,O${u},"${products}"`);
  }
  writeFileSync(path.join(folder, 'product_viewed.csv'), viewed.join('\n') + '\n');
  writeFileSync(path.join(folder, 'order_completed.csv'), orders.join('\n') + '\n');
  return folder;
}

export const SECRET_EMAIL = 'Jane.Doe@Example.com';

/** Shopify orders: order-level columns on each order's first line only, as Shopify writes them. */
export function writeShopifyOrders(dir: string): string {
  const rows = ['Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Vendor'];
  for (let o = 0; o < 12; o++) {
    const email = o % 3 === 0 ? SECRET_EMAIL : `buyer${o % 3}@example.com`;
    rows.push(`#10${o},${email},paid,2024-01-${String(1 + o).padStart(2, '0')} 10:00:00 +0100,1,Shoe ${o},${100 + o}.00,SKU-${o},${BRANDS[o % 4]}`);
    rows.push(`#10${o},,,,1,Sock ${o},5.00,SOCK-${o},${BRANDS[o % 4]}`);
  }
  const file = path.join(dir, 'orders_export.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  return file;
}
