import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { readShopData } from '../../tools/shop/shop-dataset.js';
import { Stages } from '../../tools/shop/stages.js';
import { openDuck } from '../../tools/shop/duck.js';
import type { ShopOptions } from '../../tools/shop/shop-options.js';
import { tmp, writeGa4, writeJsonl, writeMerchantTsv, writeMerchantXml, writeSegment, writeShopifyOrders, writeShopifyProducts } from './shop-fixtures-inline.js';

async function read(options: Partial<ShopOptions> & { events: string }) {
  const stages = new Stages();
  try {
    return await readShopData({ idKey: 'item', ...options }, stages);
  } finally {
    await stages.close();
  }
}

/** The item ids of shopper `user`'s steps. */
function steps(r: Awaited<ReturnType<typeof read>>, user: string): string[] {
  const u = r.dataset.users.indexOf(user);
  return Array.from(r.dataset.sequences[u]!, (i) => r.dataset.itemIds[i]!);
}

describe('shop readers', () => {
  it('GA4 NDJSON.gz: one step per item and session at its strongest action; user_id preferred; drops counted', async () => {
    const dir = tmp();
    const r = await read({ events: writeGa4(dir), catalog: writeMerchantTsv(dir) });
    // 6 sessions of views, carts and a purchase per shopper, 2 sessions each hitting the same item: 6 steps, not 11.
    expect(steps(r, 'p1')).toEqual(['SKU-5', 'SKU-9', 'SKU-13', 'SKU-17', 'SKU-21', 'SKU-25']);
    expect(r.dataset.users).toContain('crm-0');
    expect(r.dataset.users).not.toContain('p0');
    expect(r.facts.stepsByAction).toEqual({ view: 120, add_to_cart: 80, purchase: 40 });
    const problems = r.facts.problems.toJSON();
    expect(problems['no shopper id (user_id, user_pseudo_id)']!.count).toBe(1);
    expect(problems['not an e-commerce event Hearth learns from']!.count).toBe(240);
    expect(r.facts.events.byAction.impression).toBe(480);
    expect(r.dataset.negatives[0]!.length).toBe(34);
    expect(r.dataset.negatives[0]!.some((i) => r.dataset.sequences[0]!.includes(i))).toBe(false);
  });

  it('GA4 Parquet gives the same dataset as the NDJSON it was written from', async () => {
    const dir = tmp();
    const json = writeGa4(dir);
    const duck = await openDuck();
    await duck.run(`COPY (SELECT * FROM read_json('${json}', format = 'newline_delimited')) TO '${dir}/events.parquet' (FORMAT parquet)`);
    duck.close();
    const a = await read({ events: json });
    const b = await read({ events: path.join(dir, 'events.parquet') });
    expect(b.facts.eventFiles[0]!.format).toBe('ga4');
    expect(b.dataset.users).toEqual(a.dataset.users);
    expect(b.dataset.sequences).toEqual(a.dataset.sequences);
    expect(b.dataset.items).toEqual(a.dataset.items);
  });

  it('feeds: Merchant TSV and XML, Shopify products and JSON lines give page items', async () => {
    const dir = tmp();
    const events = writeGa4(dir);
    for (const catalog of [writeMerchantTsv(dir), writeMerchantXml(dir)]) {
      const r = await read({ events, catalog });
      expect(r.dataset.items.find((i) => i.id === 'SKU-5')).toEqual({ id: 'SKU-5', title: 'Shoe 5', brand: 'Hoka', categories: ['Shoes', 'Trail'], price: 105 });
    }
    const shopify = await read({ events, catalog: writeShopifyProducts(dir) });
    expect(shopify.facts.catalogFiles[0]!.format).toBe('shopify');
    expect(shopify.dataset.items.find((i) => i.id === 'SKU-5')).toEqual({ id: 'SKU-5', title: 'Shoe 4', brand: 'Salomon', categories: ['Trail'], price: 105, attrs: [['variant', 'Large']] });
    const jsonl = await read({ events, catalog: writeJsonl(dir) });
    expect(jsonl.dataset.items.find((i) => i.id === 'SKU-5')).toEqual({ id: 'SKU-5', title: 'Shoe 5', brand: 'Hoka', categories: ['Shoes'], price: 105 });
  });

  it('--id-key group: variants share their item_group_id', async () => {
    const dir = tmp();
    const r = await read({ events: writeGa4(dir), catalog: writeMerchantTsv(dir), idKey: 'group' });
    expect(steps(r, 'p1')).toEqual(['G-2', 'G-4', 'G-6', 'G-8', 'G-10', 'G-12']);
    expect(r.dataset.items.length).toBe(20);
  });

  it('Segment tables: a view and an order of one item on one day are one purchase step', async () => {
    const r = await read({ events: writeSegment(tmp()) });
    expect(r.facts.eventFiles.map((f) => f.format)).toEqual(['segment', 'segment']);
    expect(steps(r, 's0')).toEqual(['SKU-0', 'SKU-1']);
    expect(r.facts.stepsByAction).toEqual({ view: 10, purchase: 10 });
    expect(r.dataset.items.find((i) => i.id === 'SKU-1')).toMatchObject({ brand: 'Hoka', categories: ['Shoes'] });
  });

  it('Shopify orders: order columns spread by Name, shoppers by hashed email', async () => {
    const r = await read({ events: writeShopifyOrders(tmp()) });
    expect(r.dataset.users).toHaveLength(3);
    expect(r.dataset.users.every((u) => /^[0-9a-f]{64}$/.test(u))).toBe(true);
    expect(r.dataset.sequences.map((s) => s.length)).toEqual([8, 8, 8]);
    expect(r.dataset.items.find((i) => i.id === 'SOCK-3')).toMatchObject({ title: 'Sock 3', brand: 'Brooks', price: 5 });
  });

  it('detection: an unknown file says what was expected', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'x.csv'), 'a,b\n1,2\n');
    await expect(read({ events: path.join(dir, 'x.csv') })).rejects.toThrow(/x\.csv: cannot tell the events format .*columns a, b.*expected a GA4 BigQuery export/);
    await expect(read({ events: writeGa4(dir), catalog: path.join(dir, 'x.csv') })).rejects.toThrow(/x\.csv: cannot tell the catalogue format.*Merchant Center/);
  });
});
