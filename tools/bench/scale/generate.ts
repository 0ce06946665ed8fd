import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ga4Row, lineWriter, ndjsonToParquet } from '../../shop/research-to-ga4.js';
import { buildCatalog, type ScaleCatalog } from './catalog.js';
import { shopperEvents } from './shoppers.js';

export interface ShopSpec {
  /** GA4 export rows to write (the last shopper is finished, so a few more). */
  events: number;
  skus: number;
  seed: number;
}

export interface GeneratedShop extends ShopSpec {
  dir: string;
  ndjson: string;
  parquet?: string | undefined;
  feed: string;
  shoppers: number;
  rows: number;
  items: number;
  /** False when the events came from the cache. */
  generatedNow: boolean;
}

const MANIFEST = 'manifest.json';

/**
 * Writes the synthetic shop into `dir`: `events.ndjson.gz` (a GA4 BigQuery export, streamed one
 * shopper at a time, so no size holds its events in memory), `feed.tsv` (a Merchant Center feed)
 * and, with `parquet`, `events.parquet` converted out of core by DuckDB. A folder whose
 * manifest matches the spec is reused as it is.
 */
export async function generateShop(spec: ShopSpec, dir: string, parquet: boolean): Promise<GeneratedShop> {
  const cached = readManifest(dir, spec);
  if (cached && (!parquet || cached.parquet)) return cached;
  mkdirSync(dir, { recursive: true });
  let shop = cached;
  if (!shop) {
    const catalog = buildCatalog(spec.skus, spec.seed);
    const feed = path.join(dir, 'feed.tsv');
    writeFileSync(feed, feedTsv(catalog));
    const ndjson = path.join(dir, 'events.ndjson.gz');
    const w = lineWriter(ndjson);
    let rows = 0;
    let shoppers = 0;
    while (rows < spec.events) {
      for (const e of shopperEvents(catalog, spec.seed, shoppers)) {
        await w.write(JSON.stringify(ga4Row(e)));
        rows++;
      }
      shoppers++;
    }
    await w.close();
    shop = { ...spec, dir, ndjson, feed, shoppers, rows, items: catalog.skus, generatedNow: true };
  }
  if (parquet) {
    const file = path.join(dir, 'events.parquet');
    await ndjsonToParquet(shop.ndjson, file);
    shop = { ...shop, parquet: file };
  }
  writeFileSync(path.join(dir, MANIFEST), JSON.stringify(shop, null, 1));
  return shop;
}

function readManifest(dir: string, spec: ShopSpec): GeneratedShop | undefined {
  const file = path.join(dir, MANIFEST);
  if (!existsSync(file)) return undefined;
  const m = JSON.parse(readFileSync(file, 'utf8')) as GeneratedShop;
  if (m.events !== spec.events || m.skus !== spec.skus || m.seed !== spec.seed || !existsSync(m.ndjson)) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return { ...m, generatedNow: false, ...(m.parquet && !existsSync(m.parquet) ? { parquet: undefined } : {}) };
}

const FEED_HEAD = ['id', 'title', 'brand', 'product_type', 'google_product_category', 'price', 'item_group_id', 'availability'];

/** The Merchant Center feed as TSV: product_type "dept > type > sub", price "12.99 USD". */
export function feedTsv(c: ScaleCatalog): string {
  const lines = [FEED_HEAD.join('\t')];
  for (let i = 0; i < c.skus; i++) {
    lines.push([c.ids[i], c.titles[i], c.brandNames[c.brandOf[i]!], c.path[c.subOf[i]!]!.join(' > '), '', `${c.prices[i]!.toFixed(2)} USD`, '', 'in stock'].join('\t'));
  }
  return lines.join('\n') + '\n';
}
