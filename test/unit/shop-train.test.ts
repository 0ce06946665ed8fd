import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { readShopData } from '../../tools/shop/shop-dataset.js';
import { Stages } from '../../tools/shop/stages.js';
import type { ShopOptions } from '../../tools/shop/shop-options.js';
import { readModel } from '../../tools/train/model-io.js';
import { candidateItems } from '../../src/core/wire/validate.js';
import { itemFeatures } from '../../src/core/model/features.js';
import { hashString } from '../../src/core/model/hash.js';
import { ga4Lines, SECRET_EMAIL, tmp, writeGa4, writeMerchantTsv, writeShopifyOrders } from './shop-fixtures-inline.js';

const run = promisify(execFile);
const train = (...args: string[]) => run('npx', ['tsx', 'tools/train/cli.ts', ...args, '--epochs', '2', '--dims', '8', '--threads', '1', '--train-backend', 'js', '--report-users', '5'], { cwd: process.cwd() });

async function read(options: Partial<ShopOptions> & { events: string }) {
  const stages = new Stages();
  try {
    return await readShopData({ idKey: 'item', ...options }, stages);
  } finally {
    await stages.close();
  }
}

describe('npm run train on a shop export', () => {
  it('GA4 + Merchant feed: the model has the rows a page item with the same id and brand hits; report written', async () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    await train('--events', writeGa4(dir), '--catalog', writeMerchantTsv(dir), '--out', out);
    const model = readModel(out);
    const keys = new Set(model.table!.keys);
    const page = candidateItems([{ id: 'SKU-5', brand: 'Hoka ', categories: ['Shoes', 'Trail'] }])[0]!;
    // Every feature the trained recipe uses (fields with a weight) has its row.
    const missing = itemFeatures(page).filter((f) => (model.params.fieldWeights[f.field] ?? 0) !== 0 && !keys.has(hashString(f.key))).map((f) => f.key);
    expect(missing).toEqual([]);
    expect(keys.has(hashString('brand:hoka'))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { evaluation: { rows: Array<{ model: string }> }; stages: Array<{ name: string }> };
    expect(report.evaluation.rows.map((r) => r.model)).toEqual(['PopRec', 'Hearth zero-training', 'Hearth site-trained']);
    expect(report.stages.map((s) => s.name)).toEqual(['read events', 'read catalogue', 'build sequences', 'train', 'evaluate']);
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toMatch(/no shopper id \(user_id, user_pseudo_id\) \| 1 \| events\.ndjson\.gz, row 881/);
  });

  it('Shopify orders: the email is never written, in any case or form', async () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    await train('--events', writeShopifyOrders(dir), '--out', out);
    expect(readdirSync(out).sort()).toEqual(['model.bin', 'model.json', 'report.json', 'report.md']);
    for (const f of readdirSync(out)) {
      const text = readFileSync(path.join(out, f), 'latin1').toLowerCase();
      expect(text).not.toContain(SECRET_EMAIL.toLowerCase());
      expect(text).not.toContain('example.com');
    }
  });

  it('bad input exits non-zero with the file and what was expected', async () => {
    const err = await train('--events', '/nonexistent/x.ndjson', '--out', tmp()).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 1 });
    expect((err as { stderr: string }).stderr).toMatch(/error: --events: no file or folder at '\/nonexistent\/x\.ndjson'/);
  });
});

describe('shop data errors', () => {
  it('a missing column names the file and the column', async () => {
    const dir = tmp();
    const file = path.join(dir, 'orders_export.csv');
    writeFileSync(file, 'Name,Created at,Lineitem sku\n#1,2024-01-01 10:00:00 +0000,A\n');
    await expect(read({ events: file })).rejects.toThrow(/orders_export\.csv, column 'Email': missing column: a Shopify orders export needs Name, Email/);
  });

  it('a malformed JSON line names the file and the line', async () => {
    const dir = tmp();
    const lines = ga4Lines();
    lines.splice(4, 0, '{"event_name": "view_item", "items": [');
    const file = writeGa4(dir, lines);
    await expect(read({ events: file })).rejects.toThrow(/events\.ndjson\.gz: .*Malformed JSON.* line 6/);
  });

  it('a price like "abc" is skipped and counted, or with --strict an error naming file, row and column', async () => {
    const dir = tmp();
    const events = writeGa4(dir);
    const catalog = writeMerchantTsv(dir, 7);
    const r = await read({ events, catalog });
    expect(r.facts.problems.toJSON()['price is not a number (the item keeps no price)']).toEqual({ count: 1, examples: ["feed.tsv, row 8, column 'price'"] });
    expect(r.dataset.items.find((i) => i.id === 'SKU-7')!.price).toBeUndefined();
    // Without the row that has no shopper id (the first problem --strict would stop at).
    const clean = writeGa4(tmp(), ga4Lines().slice(0, -1));
    await expect(read({ events: clean, catalog, strict: true })).rejects.toThrow("feed.tsv, row 8, column 'price': price is not a number");
  });

  it('no usable shoppers is an error that says what was dropped', async () => {
    const dir = tmp();
    const file = writeGa4(dir, ga4Lines().filter((l) => l.includes('"page_view"')));
    await expect(read({ events: file })).rejects.toThrow(/no usable shoppers: .*not an e-commerce event Hearth learns from 240/);
  });

  it('a Segment file not named after a known table is an error listing the tables', async () => {
    const dir = tmp();
    const file = path.join(dir, 'product_removed.csv');
    writeFileSync(file, 'anonymous_id,timestamp,product_id\na,2024-01-01T00:00:00Z,X\n');
    await expect(read({ events: file })).rejects.toThrow(/product_removed\.csv: .*one of product_list_viewed, product_clicked, product_viewed, product_added, order_completed/);
  });
});
