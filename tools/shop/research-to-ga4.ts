/**
 * Writes a research folder (`shared/datasets/*`, read with tools/eval/dataset.ts) as the files a
 * shop holds, so the shop readers can be checked against the folder reader on the same data.
 *
 *   npx tsx tools/shop/research-to-ga4.ts --data ../shared/datasets/beauty --out <dir>
 *     [--format ndjson.gz|ndjson|parquet] [--limit-users N] [--seed S]
 *
 * `<dir>/events.ndjson.gz` (`events.parquet` with --format parquet): a GA4 BigQuery export, one
 * event a line, in the export's schema (GA4_COLUMNS). Each interaction of a user is one visit with
 * its own ga_session_id: page_view, view_item_list (impressions of NOISE_IMPRESSIONS other items,
 * seeded), then view_item, add_to_cart and purchase of the item. A reader must turn each visit
 * back into one step (its strongest action) and never make a step of an impression. Research
 * sequences are ordered but untimed, so step k of a user is BASE_MS + k days (each step its own
 * visit); users start one second apart. user_pseudo_id is the research user id; user_id is null.
 *
 * `<dir>/feed.tsv`: a Google Merchant Center feed of every item, carrying exactly the features
 * the folder reader gives an item: it turns the opaque attribute ids into categories `a<id>` in
 * file order, with no brand, title or price. So product_type is "a<id> > a<id> > …" and title,
 * brand and price stay empty: the brand/category split is unknown in the research data, and a
 * `brand:` or `word:` feature the folder never had would change what the model learns. GA4
 * items carry the same ids in item_category…item_category5 and nothing else.
 *
 * Large sets stream: events go through a gzip stream; Parquet is then made from it by DuckDB.
 */
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { readDataset } from '../eval/dataset.js';
import { mulberry32 } from '../eval/random.js';
import { numberArg, parseArgs } from '../train/args.js';

/** The GA4 BigQuery export columns Hearth reads, with the export's types (DuckDB spelling). */
export const GA4_COLUMNS: Record<string, string> = {
  event_date: 'VARCHAR',
  event_timestamp: 'BIGINT',
  event_name: 'VARCHAR',
  event_params: 'STRUCT(key VARCHAR, value STRUCT(string_value VARCHAR, int_value BIGINT, float_value DOUBLE, double_value DOUBLE))[]',
  user_id: 'VARCHAR',
  user_pseudo_id: 'VARCHAR',
  platform: 'VARCHAR',
  ecommerce: 'STRUCT(total_item_quantity BIGINT, purchase_revenue DOUBLE, unique_items BIGINT, transaction_id VARCHAR)',
  items:
    'STRUCT(item_id VARCHAR, item_name VARCHAR, item_brand VARCHAR, item_variant VARCHAR, item_category VARCHAR, item_category2 VARCHAR, ' +
    'item_category3 VARCHAR, item_category4 VARCHAR, item_category5 VARCHAR, price DOUBLE, quantity BIGINT, item_revenue DOUBLE, ' +
    'item_list_id VARCHAR, item_list_name VARCHAR, item_list_index VARCHAR)[]',
};

/** What an event says about one item; absent fields are written as null, as the export does. */
export interface Ga4ItemInput {
  id: string;
  name?: string;
  brand?: string;
  variant?: string;
  /** Broad to narrow; the first five land in item_category…item_category5. */
  categories?: string[];
  price?: number;
  quantity?: number;
  listId?: string;
  listIndex?: number;
}

export interface Ga4EventInput {
  name: string;
  atMs: number;
  pseudoId: string | null;
  userId?: string | null;
  sessionId: number;
  items?: Ga4ItemInput[];
  transactionId?: string;
  page?: string;
}

const param = (key: string, v: string | number) => ({
  key,
  value: { string_value: typeof v === 'string' ? v : null, int_value: typeof v === 'number' ? v : null, float_value: null, double_value: null },
});

function ga4Item(it: Ga4ItemInput): Record<string, unknown> {
  const c = it.categories ?? [];
  const qty = it.quantity ?? null;
  return {
    item_id: it.id, item_name: it.name ?? null, item_brand: it.brand ?? null, item_variant: it.variant ?? null,
    item_category: c[0] ?? null, item_category2: c[1] ?? null, item_category3: c[2] ?? null, item_category4: c[3] ?? null, item_category5: c[4] ?? null,
    price: it.price ?? null, quantity: qty, item_revenue: qty !== null && it.price !== undefined ? qty * it.price : null,
    item_list_id: it.listId ?? null, item_list_name: it.listId ?? null, item_list_index: it.listIndex === undefined ? null : String(it.listIndex),
  };
}

/** One row of the GA4 export: every column of GA4_COLUMNS present, nulls where the event has nothing. */
export function ga4Row(e: Ga4EventInput): Record<string, unknown> {
  const items = (e.items ?? []).map(ga4Item);
  const purchase = e.transactionId !== undefined;
  const priced = items.filter((it) => it.item_revenue !== null);
  const revenue = priced.length ? priced.reduce((s, it) => s + (it.item_revenue as number), 0) : null;
  return {
    event_date: new Date(e.atMs).toISOString().slice(0, 10).replaceAll('-', ''),
    event_timestamp: e.atMs * 1000,
    event_name: e.name,
    event_params: [param('ga_session_id', e.sessionId), param('page_location', e.page ?? 'https://shop.example/')],
    user_id: e.userId ?? null,
    user_pseudo_id: e.pseudoId,
    platform: 'WEB',
    ecommerce: {
      total_item_quantity: purchase ? items.length : null,
      purchase_revenue: purchase ? revenue : null, // null when no item carries a price
      unique_items: purchase ? items.length : null,
      transaction_id: e.transactionId ?? null,
    },
    items,
  };
}

/** A line writer to a plain or (by its `.gz` name) gzipped file that waits when the stream is full. */
export function lineWriter(file: string): { write(line: string): Promise<void>; close(): Promise<void> } {
  const out = createWriteStream(file);
  const sink = file.endsWith('.gz') ? createGzip() : null;
  if (sink) sink.pipe(out);
  const stream = sink ?? out;
  let buf = '';
  const flush = async () => {
    if (!stream.write(buf)) await once(stream, 'drain');
    buf = '';
  };
  return {
    async write(line) {
      buf += line + '\n';
      if (buf.length > 1 << 20) await flush();
    },
    async close() {
      if (buf) await flush();
      stream.end();
      await once(out, 'finish');
    },
  };
}

/** The columns as DuckDB's read_json `columns=` argument, less any named in `without`. */
export function ga4ColumnsSql(without: string[] = []): string {
  return `{${Object.entries(GA4_COLUMNS).filter(([k]) => !without.includes(k)).map(([k, t]) => `${k}: '${t}'`).join(', ')}}`;
}

/** NDJSON (plain or gzip) → Parquet with the export's nested types, out of core. */
export async function ndjsonToParquet(ndjson: string, parquet: string, without: string[] = []): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
    await con.run(`COPY (SELECT * FROM read_json(${q(ndjson)}, format = 'newline_delimited', columns = ${ga4ColumnsSql(without)})) TO ${q(parquet)} (FORMAT parquet)`);
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

export const BASE_MS = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;
export const NOISE_IMPRESSIONS = 4;

export interface ConvertOptions {
  data: string;
  out: string;
  format?: 'ndjson' | 'ndjson.gz' | 'parquet';
  limitUsers?: number;
  seed?: number;
}

export interface ConvertResult {
  events: string;
  feed: string;
  users: number;
  steps: number;
  rows: number;
}

/** The five events of one research interaction: one visit, one step for the readers. */
function stepEvents(user: string, k: number, at: number, item: Ga4ItemInput, noise: Ga4ItemInput[]): Ga4EventInput[] {
  const base = { pseudoId: user, sessionId: Math.floor(at / 1000) };
  const page = `https://shop.example/p/${encodeURIComponent(item.id)}`;
  return [
    { ...base, name: 'page_view', atMs: at },
    { ...base, name: 'view_item_list', atMs: at + 1000, items: noise, page: 'https://shop.example/list' },
    { ...base, name: 'view_item', atMs: at + 2000, items: [item], page },
    { ...base, name: 'add_to_cart', atMs: at + 3000, items: [{ ...item, quantity: 1 }], page },
    { ...base, name: 'purchase', atMs: at + 4000, items: [{ ...item, quantity: 1 }], transactionId: `T${user}-${k}`, page: 'https://shop.example/checkout' },
  ];
}

/** Merchant feed TSV of the research catalogue: product_type carries the folder reader's categories. */
function feedTsv(items: { id: string; categories?: string[] }[]): string {
  const head = ['id', 'title', 'brand', 'product_type', 'google_product_category', 'price', 'item_group_id', 'availability'];
  const rows = items.map((it) => [it.id, '', '', (it.categories ?? []).join(' > '), '', '', '', 'in stock'].join('\t'));
  return [head.join('\t'), ...rows].join('\n') + '\n';
}

export async function researchToGa4(opts: ConvertOptions): Promise<ConvertResult> {
  const ds = readDataset(opts.data, opts.limitUsers ? { limitUsers: opts.limitUsers } : {});
  const format = opts.format ?? 'ndjson.gz';
  mkdirSync(opts.out, { recursive: true });
  const ndjson = path.join(opts.out, format === 'ndjson' ? 'events.ndjson' : 'events.ndjson.gz');
  const ga4Items: Ga4ItemInput[] = ds.items.map((it) => (it.categories ? { id: it.id, categories: it.categories } : { id: it.id }));
  const rnd = mulberry32(opts.seed ?? 1);
  const w = lineWriter(ndjson);
  let rows = 0;
  let steps = 0;
  for (let u = 0; u < ds.sequences.length; u++) {
    const seq = ds.sequences[u]!;
    const user = ds.users[u]!;
    for (let k = 0; k < seq.length; k++) {
      const item = seq[k]!;
      const noise: Ga4ItemInput[] = [];
      while (noise.length < NOISE_IMPRESSIONS && ds.items.length > 1) {
        const j = Math.floor(rnd() * ds.items.length);
        if (j !== item) noise.push({ ...ga4Items[j]!, listId: 'related', listIndex: noise.length });
      }
      for (const e of stepEvents(user, k, BASE_MS + k * DAY_MS + u * 1000, ga4Items[item]!, noise)) {
        await w.write(JSON.stringify(ga4Row(e)));
        rows++;
      }
      steps++;
    }
  }
  await w.close();
  let events = ndjson;
  if (format === 'parquet') {
    events = path.join(opts.out, 'events.parquet');
    await ndjsonToParquet(ndjson, events);
    rmSync(ndjson);
  }
  const feed = path.join(opts.out, 'feed.tsv');
  writeFileSync(feed, feedTsv(ds.items));
  return { events, feed, users: ds.sequences.length, steps, rows };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.data || !args.out) throw new Error('usage: research-to-ga4.ts --data <research folder> --out <dir> [--format ndjson.gz|ndjson|parquet] [--limit-users N] [--seed S]');
  const format = args.format ?? 'ndjson.gz';
  if (format !== 'ndjson' && format !== 'ndjson.gz' && format !== 'parquet') throw new Error(`--format must be ndjson, ndjson.gz or parquet, got '${format}'`);
  const t0 = performance.now();
  const r = await researchToGa4({ data: args.data, out: args.out, format, limitUsers: numberArg(args, 'limit-users'), seed: numberArg(args, 'seed') });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${r.users} users, ${r.steps} steps → ${r.rows} events in ${r.events}; feed ${r.feed} (${s} s)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
