import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import {
  DEFAULT_ITEMS, DEFAULT_SHOPPERS, expectedSequences, writeGa4Export, writeItemsJsonl, writeMerchantFeed, writeSegmentTables, writeShopifyOrders, writeShopifyProducts, type FixtureShopper,
} from '../support/shop-fixtures.js';
import { read, sequencesOf, tmp } from './shop-read.js';

const jacket = DEFAULT_ITEMS.find((i) => i.id === 'SKU-13L')!;
/** The default shoppers buying everything they engage with: several orders of several lines each. */
const buyers: FixtureShopper[] = DEFAULT_SHOPPERS.map((s) => ({ ...s, sessions: s.sessions.map((v) => v.map((i) => (i.action === 'impression' ? i : { ...i, action: 'purchase' as const }))) }));
const impressions = DEFAULT_SHOPPERS.flatMap((s) => s.sessions.flat()).filter((i) => i.action === 'impression').length;

describe('shop readers on the shared fixtures', () => {
  it('GA4 NDJSON with INT64 as strings: one step per item and visit at its strongest action; user_id preferred; drops counted', async () => {
    const dir = tmp();
    const r = await read({ events: await writeGa4Export(dir, undefined, { int64AsStrings: true, malformed: { noUserId: true } }), catalog: writeMerchantFeed(dir) });
    expect(sequencesOf(r)).toEqual(expectedSequences());
    // Shoppers in the order of their first step (ids sorted would put u-2, u-5 and u-8 last).
    expect(r.dataset.users).toEqual([...expectedSequences().keys()]);
    expect(r.dataset.users).toContain('u-2');
    expect(r.dataset.users).not.toContain('1002.1709283600');
    expect(r.facts.problems.toJSON()['no shopper id (user_id, user_pseudo_id)']!.count).toBe(1);
    expect(r.facts.events.byAction.impression).toBe(impressions);
    expect(r.dataset.negatives[0]!.some((i) => r.dataset.sequences[0]!.includes(i))).toBe(false);
  });

  it('GA4 gzip NDJSON and Parquet give the dataset the plain NDJSON gives', async () => {
    const a = await read({ events: await writeGa4Export(tmp()) });
    for (const format of ['ndjson.gz', 'parquet'] as const) {
      const b = await read({ events: await writeGa4Export(tmp(), undefined, { format }) });
      expect(b.facts.eventFiles[0]!.format).toBe('ga4');
      expect(b.dataset.users).toEqual(a.dataset.users);
      expect(b.dataset.sequences).toEqual(a.dataset.sequences);
      expect(b.dataset.items).toEqual(a.dataset.items);
    }
  });

  it('feeds: Merchant TSV and XML, Shopify products (bare variant rows) and JSON lines give page items', async () => {
    const dir = tmp();
    const events = await writeGa4Export(dir);
    const want = { id: jacket.id, title: jacket.title, brand: jacket.brand, categories: jacket.categories, price: jacket.price };
    for (const catalog of [writeMerchantFeed(dir), writeMerchantFeed(dir, undefined, { format: 'xml' })]) {
      expect((await read({ events, catalog })).dataset.items.find((i) => i.id === jacket.id)).toMatchObject(want);
    }
    const shopify = await read({ events, catalog: writeShopifyProducts(dir) });
    expect(shopify.facts.catalogFiles[0]!.format).toBe('shopify');
    // The L variant's row carries only Handle and variant fields: it takes the product's title, vendor and type.
    expect(shopify.dataset.items.find((i) => i.id === jacket.id)).toMatchObject({ title: jacket.title, brand: jacket.brand, price: jacket.price });
    expect(shopify.dataset.items.find((i) => i.id === jacket.id)!.categories).toContain('Shell');
    const jsonl = await read({ events, catalog: writeItemsJsonl(dir) });
    expect(jsonl.dataset.items.find((i) => i.id === jacket.id)).toMatchObject(want);
  });

  it('--id-key group: variants share their item_group_id', async () => {
    const dir = tmp();
    const item = await read({ events: await writeGa4Export(dir), catalog: writeMerchantFeed(dir) });
    const group = await read({ events: await writeGa4Export(dir), catalog: writeMerchantFeed(dir), idKey: 'group' });
    expect(item.dataset.itemIds).toContain('SKU-13L');
    expect(group.dataset.itemIds).toContain('GRP-13');
    expect(group.dataset.itemIds.filter((i) => i.startsWith('SKU-13'))).toEqual([]);
    expect(group.dataset.items.length).toBe(DEFAULT_ITEMS.length - 4);
  });

  it('Segment tables, CSV and Parquet: the expected sequences; category "A > B > C" is three categories', async () => {
    for (const format of ['csv', 'parquet'] as const) {
      const tables = await writeSegmentTables(tmp(), undefined, { format });
      const r = await read({ events: path.dirname(tables.product_viewed) });
      expect(r.facts.eventFiles.map((f) => f.format)).toEqual(['segment', 'segment', 'segment', 'segment']);
      expect(sequencesOf(r)).toEqual(expectedSequences());
      expect(r.dataset.items.find((i) => i.id === 'SKU-13')).toMatchObject({ brand: 'Hoka', categories: ['Clothing', 'Jackets', 'Shell'] });
    }
  });

  it('Shopify orders: order columns blank on later line items, shoppers by hashed email, purchases only', async () => {
    const r = await read({ events: writeShopifyOrders(tmp(), buyers) });
    expect(r.dataset.users.every((u) => /^[0-9a-f]{64}$/.test(u))).toBe(true);
    // Lines of one order share a time: compare each shopper's bought items, not their order within an order.
    const sorted = (m: Map<string, string[]>) => [...m.values()].map((s) => [...s].sort().join(' ')).sort();
    expect(sorted(sequencesOf(r))).toEqual(sorted(expectedSequences(buyers, 'purchase')));
    expect(r.dataset.items.find((i) => i.id === 'SKU-15')).toMatchObject({ brand: 'Hoka', price: 55 });
  });

  it('detection: an unknown file says what was expected', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'x.csv'), 'a,b\n1,2\n');
    await expect(read({ events: path.join(dir, 'x.csv') })).rejects.toThrow(/x\.csv: cannot tell the events format .*columns a, b.*expected a GA4 BigQuery export/);
    await expect(read({ events: await writeGa4Export(dir), catalog: path.join(dir, 'x.csv') })).rejects.toThrow(/x\.csv: cannot tell the catalogue format.*Merchant Center/);
  });
});
