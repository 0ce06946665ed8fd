import { describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { readModel } from '../../tools/train/model-io.js';
import { trainFromArgs } from '../../tools/train/train-run.js';
import { exitOnDataError } from '../../tools/train/data-args.js';
import { ShopDataError } from '../../tools/shop/shop-error.js';
import { candidateItems } from '../../src/core/wire/validate.js';
import { itemFeatures } from '../../src/core/model/features.js';
import { hashString } from '../../src/core/model/hash.js';
import { DEFAULT_SHOPPERS, ga4Events, writeGa4Export, writeMerchantFeed, writeShopifyOrders, type FixtureShopper } from '../support/shop-fixtures.js';
import { read, tmp } from './shop-read.js';

const SMALL = { epochs: '2', dims: '8', threads: '1', 'train-backend': 'js', 'report-users': '5' };
const quiet = () => undefined;
/** `npm run train` in this process: the function the CLI calls, with small epochs and dims. */
const train = (args: Record<string, string>) => trainFromArgs({ ...SMALL, ...args }, quiet, quiet);
const buyers: FixtureShopper[] = DEFAULT_SHOPPERS.map((s) => ({ ...s, sessions: s.sessions.map((v) => v.map((i) => (i.action === 'impression' ? i : { ...i, action: 'purchase' as const }))) }));

describe('npm run train on a shop export', () => {
  it('the CLI end to end: GA4 + Merchant feed → model and report beside it', async () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    const flags = Object.entries(SMALL).flatMap(([k, v]) => [`--${k}`, v]);
    await promisify(execFile)('npx', ['tsx', 'tools/train/cli.ts', '--events', await writeGa4Export(dir), '--catalog', writeMerchantFeed(dir), '--out', out, ...flags], { cwd: process.cwd() });
    expect(readdirSync(out).sort()).toEqual(['model.bin', 'model.json', 'report.json', 'report.md']);
  });

  it('bad input: the error names the file and what was expected, and the CLI exits 1 with it', async () => {
    const err = await train({ events: '/nonexistent/x.ndjson', out: tmp() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShopDataError);
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exited');
    });
    const print = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() => exitOnDataError(err)).toThrow('exited');
      expect(exit).toHaveBeenCalledWith(1);
      expect(print).toHaveBeenCalledWith("error: --events: no file or folder at '/nonexistent/x.ndjson'");
    } finally {
      exit.mockRestore();
      print.mockRestore();
    }
  });

  it('GA4 + Merchant feed: the model has the rows a page item with the same id and brand hits; report written', async () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    await train({ events: await writeGa4Export(dir, undefined, { malformed: { noUserId: true } }), catalog: writeMerchantFeed(dir), out });
    const model = readModel(out);
    const keys = new Set(model.table!.keys);
    const page = candidateItems([{ id: 'SKU-21', brand: 'Salomon ', categories: ['Shoes', 'Running', 'Road'] }])[0]!;
    // Every feature the trained recipe uses (fields with a weight) has its row.
    const missing = itemFeatures(page).filter((f) => (model.params.fieldWeights[f.field] ?? 0) !== 0 && !keys.has(hashString(f.key))).map((f) => f.key);
    expect(missing).toEqual([]);
    expect(keys.has(hashString('brand:salomon'))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { evaluation: { rows: Array<{ model: string }> }; stages: Array<{ name: string }> };
    expect(report.evaluation.rows.map((r) => r.model)).toEqual(['PopRec', 'Hearth zero-training', 'Hearth site-trained']);
    expect(report.stages.map((s) => s.name)).toEqual(['read events', 'read catalogue', 'build sequences', 'train', 'evaluate']);
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toContain(`no shopper id (user_id, user_pseudo_id) | 1 | events.ndjson, row ${ga4Events().length + 1}`);
  });

  it('Shopify orders: the email is never written, in any case or form', async () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    await train({ events: writeShopifyOrders(dir, buyers), out });
    expect(readdirSync(out).sort()).toEqual(['model.bin', 'model.json', 'report.json', 'report.md']);
    for (const f of readdirSync(out)) {
      const text = readFileSync(path.join(out, f), 'latin1').toLowerCase();
      expect(text).not.toContain('shopper0@');
      expect(text).not.toContain('example.com');
    }
  });
});

describe('shop data errors', () => {
  it('a missing column names the file and the column', async () => {
    const file = writeShopifyOrders(tmp(), buyers, { malformed: { missingColumn: 'Email' } });
    await expect(read({ events: file })).rejects.toThrow(/orders_export\.csv, column 'Email': missing column: a Shopify orders export needs Name, Email/);
  });

  it('a cut JSON line names the file and the line', async () => {
    const file = await writeGa4Export(tmp(), undefined, { malformed: { truncatedLine: true } });
    // The cut line is the last one; DuckDB's own message names the line after it.
    await expect(read({ events: file })).rejects.toThrow(`events.ndjson, line ${ga4Events().length}: malformed JSON`);
  });

  it('a price like "abc" is skipped and counted, or with --strict an error naming file, row and column', async () => {
    const dir = tmp();
    const events = await writeGa4Export(dir);
    const catalog = writeMerchantFeed(dir, undefined, { malformed: { badPrice: true } });
    const r = await read({ events, catalog });
    expect(r.facts.problems.toJSON()['price is not a number (the item keeps no price)']).toEqual({ count: 1, examples: ["feed.tsv, line 2 (row 1), column 'price'"] });
    expect(r.dataset.items.find((i) => i.id === 'SKU-11')!.price).toBeUndefined();
    await expect(read({ events, catalog, strict: true })).rejects.toThrow("feed.tsv, line 2 (row 1), column 'price': price is not a number");
  });

  it('a bad CSV cell names the line its row starts on, counting quoted line breaks of earlier rows', async () => {
    const dir = tmp();
    const file = path.join(dir, 'products_export.csv');
    const body = '"<p>Warm.</p>\n<p>Light.</p>\n<p>Packs small.</p>"';
    writeFileSync(file, `Handle,Title,Body (HTML),Vendor,Type,Variant SKU,Variant Price\nhat,Hat,${body},Hoka,Hats,SKU-11,10.00\nsock,Sock,<p>Soft</p>,Hoka,Socks,SKU-12,abc\n`);
    await expect(read({ events: await writeGa4Export(dir), catalog: file, strict: true })).rejects.toThrow("products_export.csv, line 5 (row 2), column 'price'");
  });

  it('no usable shoppers is an error that says what was dropped', async () => {
    const lookers: FixtureShopper[] = DEFAULT_SHOPPERS.map((s) => ({ ...s, sessions: [s.sessions[0]!.slice(0, 1)] }));
    const file = await writeGa4Export(tmp(), lookers);
    await expect(read({ events: file })).rejects.toThrow(/no usable shoppers: .*not an e-commerce event Hearth learns from 10/);
  });

  it('a Segment file not named after a known table is an error listing the tables', async () => {
    const dir = tmp();
    const file = path.join(dir, 'product_removed.csv');
    writeFileSync(file, 'anonymous_id,timestamp,product_id\na,2024-01-01T00:00:00Z,X\n');
    await expect(read({ events: file })).rejects.toThrow(/product_removed\.csv: .*one of product_list_viewed, product_clicked, product_viewed, product_added, order_completed/);
  });
});
