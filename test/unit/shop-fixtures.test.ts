import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  DEFAULT_ITEMS, DEFAULT_SHOPPERS, expectedSequences, ga4Events, writeGa4Export, writeItemsJsonl, writeMerchantFeed, writeSegmentTables, writeShopifyOrders, writeShopifyProducts,
} from '../support/shop-fixtures.js';
import { readDataset } from '../../tools/eval/dataset.js';
import { ga4ColumnsSql, NOISE_IMPRESSIONS, researchToGa4 } from '../../tools/shop/research-to-ga4.js';

let db: DuckDBInstance;
let con: DuckDBConnection;
const tmp = () => mkdtempSync(path.join(tmpdir(), 'hearth-shop-'));
const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
const types = async (from: string) => Object.fromEntries((await rows(`DESCRIBE SELECT * FROM ${from}`)).map((r) => [r.column_name, r.column_type]));
const count = async (from: string, where = 'true') => Number((await rows(`SELECT count(*) AS n FROM ${from} WHERE ${where}`))[0]!.n);

beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
});
afterAll(() => {
  con.closeSync();
  db.closeSync();
});

describe('GA4 export fixture', () => {
  it('writes Parquet with the export nested types and every event', async () => {
    const file = await writeGa4Export(tmp(), undefined, { format: 'parquet' });
    const t = await types(`'${file}'`);
    expect(t.event_timestamp).toBe('BIGINT');
    expect(t.user_id).toBe('VARCHAR');
    expect(t.event_params).toBe('STRUCT("key" VARCHAR, "value" STRUCT(string_value VARCHAR, int_value BIGINT, float_value DOUBLE, double_value DOUBLE))[]');
    expect(t.items).toMatch(/^STRUCT\(item_id VARCHAR, item_name VARCHAR, item_brand VARCHAR, item_variant VARCHAR, item_category VARCHAR, .*item_category5 VARCHAR, price DOUBLE, quantity BIGINT, .*item_list_id VARCHAR, .*item_list_index VARCHAR\)\[\]$/);
    expect(t.ecommerce).toContain('transaction_id VARCHAR');
    expect(await count(`'${file}'`)).toBe(ga4Events().length);
    const bought = await rows(`SELECT ecommerce.transaction_id AS tx, items[1].item_id AS id, items[1].price AS price FROM '${file}' WHERE event_name = 'purchase' ORDER BY event_timestamp LIMIT 1`);
    expect(bought[0]).toMatchObject({ id: expect.stringMatching(/^SKU-/), tx: expect.stringMatching(/^T-/) });
    expect(await count(`'${file}'`, `list_contains(list_transform(event_params, p -> p.key), 'ga_session_id')`)).toBe(ga4Events().length);
  });

  it('writes gzipped NDJSON that DuckDB reads as the same rows, funnels and impressions included', async () => {
    const file = await writeGa4Export(tmp(), undefined, { format: 'ndjson.gz' });
    const from = `read_json('${file}', format = 'newline_delimited', columns = ${ga4ColumnsSql()})`;
    const byName = Object.fromEntries((await rows(`SELECT event_name AS e, count(*) AS n FROM ${from} GROUP BY 1`)).map((r) => [r.e, Number(r.n)]));
    // Per shopper: 3 visits (page_view each), 1 impression, 2 clicks/views, 2 views + carts, and 1 or 2 purchases.
    expect(byName.page_view).toBe(30);
    expect(byName.view_item_list).toBe(10);
    expect(byName.select_item).toBe(10);
    expect(byName.purchase).toBe(DEFAULT_SHOPPERS.flatMap((s) => s.sessions.flat()).filter((i) => i.action === 'purchase').length);
    expect(await count(from, `user_id IS NOT NULL`)).toBeGreaterThan(0);
  });

  it('writes INT64 as strings like BigQuery JSON when asked, still readable with the export types', async () => {
    const file = await writeGa4Export(tmp(), undefined, { int64AsStrings: true });
    expect(readFileSync(file, 'utf8')).toMatch(/"event_timestamp":"\d{16}"/);
    const r = await rows(`SELECT min(event_timestamp) AS t FROM read_json('${file}', format = 'newline_delimited', columns = ${ga4ColumnsSql()})`);
    expect(Number(r[0]!.t)).toBe(ga4Events()[0]!.atMs * 1000);
  });

  it('carries each defect asked for', async () => {
    const dir = tmp();
    const noId = await writeGa4Export(dir, undefined, { format: 'parquet', malformed: { noUserId: true, missingColumn: 'event_name' }, name: 'a' });
    expect(await count(`'${noId}'`, 'user_pseudo_id IS NULL AND user_id IS NULL')).toBe(1);
    expect(Object.keys(await types(`'${noId}'`))).not.toContain('event_name');
    const lines = readFileSync(await writeGa4Export(dir, undefined, { malformed: { badPrice: true, truncatedLine: true }, name: 'b' }), 'utf8').split('\n');
    expect(lines.some((l) => l.includes('"price":"abc"'))).toBe(true);
    expect(() => JSON.parse(lines[lines.length - 1]!) as unknown).toThrow();
    await expect(writeGa4Export(dir, undefined, { format: 'parquet', malformed: { badPrice: true } })).rejects.toThrow(/ndjson/);
  });
});

describe('Segment and Shopify orders fixtures', () => {
  it('writes the four Segment tables with products as JSON text', async () => {
    const t = await writeSegmentTables(tmp());
    expect(Object.keys(await types(`'${t.product_viewed}'`))).toEqual(expect.arrayContaining(['id', 'anonymous_id', 'user_id', 'timestamp', 'product_id', 'sku', 'name', 'brand', 'category', 'price']));
    expect(await count(`'${t.product_clicked}'`)).toBe(10);
    const products = (await rows(`SELECT products FROM '${t.order_completed}'`)).map((r) => JSON.parse(r.products as string) as { product_id: string }[]);
    expect(products.flat().map((p) => p.product_id)).toEqual(expect.arrayContaining([expect.stringMatching(/^SKU-/)]));
    const parquet = await writeSegmentTables(tmp(), undefined, { format: 'parquet', malformed: { noUserId: true } });
    expect(await count(`'${parquet.product_viewed}'`, 'anonymous_id IS NULL AND user_id IS NULL')).toBe(1);
  });

  it('writes a Shopify orders export: one row per line item, an email on each, newest order first', async () => {
    const file = writeShopifyOrders(tmp());
    const head = readFileSync(file, 'utf8').split('\n')[0]!.split(',');
    expect(head).toEqual(expect.arrayContaining(['Name', 'Email', 'Financial Status', 'Paid at', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem sku', 'Vendor']));
    const r = await rows(`SELECT "Name" AS n, "Email" AS e, "Lineitem sku" AS sku FROM read_csv('${file}', header = true)`);
    expect(r.length).toBe([...expectedSequences(DEFAULT_SHOPPERS, 'purchase').values()].flat().length);
    expect(r.every((x) => typeof x.e === 'string' && x.e.includes('@'))).toBe(true);
    expect(r[0]!.n).toBe(`#${1000 + new Set(r.map((x) => x.n)).size}`);
  });
});

describe('product feed fixtures', () => {
  it('writes a Merchant feed as TSV and as RSS with the g: namespace', async () => {
    const dir = tmp();
    const tsv = writeMerchantFeed(dir);
    const r = await rows(`SELECT id, price, product_type, item_group_id FROM read_csv('${tsv}', delim = '\t', header = true, all_varchar = true)`);
    expect(r.length).toBe(DEFAULT_ITEMS.length);
    expect(r[0]).toMatchObject({ id: 'SKU-11', price: expect.stringMatching(/^\d+\.\d\d USD$/), product_type: 'Shoes > Running > Road' });
    expect(r.filter((x) => x.item_group_id).length).toBe(8);
    const xml = readFileSync(writeMerchantFeed(dir, undefined, { format: 'xml' }), 'utf8');
    expect(xml).toContain('xmlns:g="http://base.google.com/ns/1.0"');
    expect(xml.match(/<g:id>/g)?.length).toBe(DEFAULT_ITEMS.length);
    expect(xml).toContain('<g:brand>Arc\'teryx</g:brand>');
    const bad = readFileSync(writeMerchantFeed(dir, undefined, { malformed: { badPrice: true, missingColumn: 'brand' } }), 'utf8');
    expect(bad.split('\n')[0]).not.toContain('brand\t');
    expect(bad.split('\n')[1]).toContain('\tabc\t');
  });

  it('writes a Shopify products CSV (variants after the first row bare) and Item JSON lines', async () => {
    const dir = tmp();
    const r = await rows(`SELECT "Handle" AS h, "Title" AS t, "Variant SKU" AS sku, "Variant Price" AS p FROM read_csv('${writeShopifyProducts(dir)}', header = true, all_varchar = true)`);
    expect(r.length).toBe(DEFAULT_ITEMS.length);
    const jacket = r.filter((x) => x.h === 'grp-13');
    expect(jacket.map((x) => [x.sku, x.t])).toEqual([['SKU-13', 'Hoka Rain jacket'], ['SKU-13L', null]]);
    const items = readFileSync(writeItemsJsonl(dir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; categories: string[] });
    expect(items[0]).toMatchObject({ id: 'SKU-11', brand: 'Hoka', categories: ['Shoes', 'Running', 'Road'], price: 139.95 });
  });

  it('states the sequences a reader must find: engaged items per visit, impressions never', () => {
    const seqs = expectedSequences();
    expect(seqs.size).toBe(10);
    expect(seqs.get('u-2')).toEqual(['SKU-31', 'SKU-32', 'SKU-33', 'SKU-34', 'SKU-35']);
    expect(seqs.get('1000.1709283600')).not.toContain('SKU-25');
  });
});

describe('research folder → GA4 export converter', () => {
  const folder = tmp();
  const seqs = ['1 1 2 3', '2 4 5 6 7', '3 8 1 2', '4 3 4', '5 5 6 7 8 1'];
  writeFileSync(path.join(folder, 'sequences.txt'), seqs.join('\n') + '\n');
  writeFileSync(path.join(folder, 'item_attributes.json'), JSON.stringify(Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((i) => [String(i), [10 + (i % 2), 20 + (i % 3)]]))));
  const session = (t: string) => `list_filter(${t}.event_params, p -> p.key = 'ga_session_id')[1].value.int_value`;
  const steps = seqs.reduce((s, l) => s + l.split(' ').length - 1, 0);

  it('writes five events per interaction, the steps in order, impressions of other items only', async () => {
    const r = await researchToGa4({ data: folder, out: tmp() });
    expect(r).toMatchObject({ users: 5, steps, rows: 5 * steps });
    const from = `read_json('${r.events}', format = 'newline_delimited', columns = ${ga4ColumnsSql()})`;
    const views = await rows(`SELECT user_pseudo_id AS u, string_agg(items[1].item_id, ' ' ORDER BY event_timestamp) AS s FROM ${from} WHERE event_name = 'view_item' GROUP BY 1 ORDER BY 1`);
    expect(views.map((v) => `${String(v.u)} ${String(v.s)}`)).toEqual(seqs);
    const noise = await rows(`SELECT l.items AS imp, v.items[1].item_id AS step FROM ${from} l JOIN ${from} v ON l.user_pseudo_id = v.user_pseudo_id
      AND ${session('l')} = ${session('v')}
      WHERE l.event_name = 'view_item_list' AND v.event_name = 'view_item'`);
    expect(noise.length).toBe(steps);
    for (const n of noise) expect((n.imp as { item_id: string }[]).map((i) => i.item_id)).not.toContain(n.step);
    expect((noise[0]!.imp as unknown[]).length).toBe(NOISE_IMPRESSIONS);
    const sessions = await rows(`SELECT count(DISTINCT event_timestamp // 86400000000) AS days FROM ${from} WHERE user_pseudo_id = '5'`);
    expect(Number(sessions[0]!.days)).toBe(5);
  });

  it('writes a feed whose product_type is what the folder reader makes categories of, and Parquet on request', async () => {
    const r = await researchToGa4({ data: folder, out: tmp(), format: 'parquet' });
    expect((await types(`'${r.events}'`)).items).toContain('item_category5 VARCHAR');
    expect(await count(`'${r.events}'`)).toBe(5 * steps);
    const ds = readDataset(folder);
    const feed = readFileSync(r.feed, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    expect(feed.map((f) => [f[0], f[3]!.split(' > ')])).toEqual(ds.items.map((it) => [it.id, it.categories]));
    expect(feed.every((f) => f[1] === '' && f[2] === '' && f[5] === '')).toBe(true);
  });
});
