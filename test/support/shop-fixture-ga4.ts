import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ga4Row, lineWriter, ndjsonToParquet, type Ga4EventInput, type Ga4ItemInput } from '../../tools/shop/research-to-ga4.js';
import { cut, DEFAULT_ITEMS, DEFAULT_SHOPPERS, itemById, timeline, type FixtureItem, type FixtureShopper, type Malformed, type TimedInteraction } from './shop-fixture-shop.js';

export interface Ga4Options {
  format?: 'ndjson' | 'ndjson.gz' | 'parquet';
  items?: FixtureItem[];
  malformed?: Malformed;
  /** BigQuery's own JSON export writes INT64 values as strings ("1709283600000000"). */
  int64AsStrings?: boolean;
  /** File name without extension; default `events`. */
  name?: string;
}

const LIST = 'home_recs';

/** The GA4 events of one interaction: the funnel up to its strongest action. */
function interactionEvents(t: TimedInteraction, item: Ga4ItemInput, listIndex: number): Ga4EventInput[] {
  const base = { pseudoId: t.shopper.id, userId: t.shopper.userId ?? null, sessionId: t.sessionStart / 1000 };
  const page = `https://shop.example/p/${item.id}`;
  const ev = (name: string, dt: number, extra: Partial<Ga4EventInput> = {}): Ga4EventInput => ({ ...base, name, atMs: t.at + dt * 1000, items: [item], page, ...extra });
  switch (t.action) {
    case 'impression':
      return [ev('view_item_list', 0, { items: [{ ...item, listId: LIST, listIndex }], page: 'https://shop.example/' })];
    case 'click':
      return [ev('select_item', 0, { items: [{ ...item, listId: LIST, listIndex }] }), ev('view_item', 1)];
    case 'view':
      return [ev('view_item', 0)];
    case 'add_to_cart':
      return [ev('view_item', 0), ev('add_to_cart', 5, { items: [{ ...item, quantity: 1 }] })];
    case 'purchase':
      return [
        ev('view_item', 0),
        ev('add_to_cart', 5, { items: [{ ...item, quantity: 1 }] }),
        ev('purchase', 30, { items: [{ ...item, quantity: 1 }], transactionId: `T-${t.s}-${t.session}-${item.id}`, page: 'https://shop.example/checkout' }),
      ];
  }
}

/** Every event of the shoppers, a page_view opening each visit, in time order per shopper. */
export function ga4Events(shoppers: FixtureShopper[] = DEFAULT_SHOPPERS, items: FixtureItem[] = DEFAULT_ITEMS): Ga4EventInput[] {
  const get = itemById(items);
  const out: Ga4EventInput[] = [];
  let visit = '';
  for (const t of timeline(shoppers)) {
    const it = get(t.item);
    const item: Ga4ItemInput = { id: it.id, name: it.title, brand: it.brand, categories: it.categories, price: it.price };
    if (it.variant) item.variant = it.variant;
    const key = `${t.s}/${t.session}`;
    if (key !== visit) {
      visit = key;
      out.push({ pseudoId: t.shopper.id, userId: t.shopper.userId ?? null, sessionId: t.sessionStart / 1000, name: 'page_view', atMs: t.at - 1000 });
    }
    out.push(...interactionEvents(t, item, 0));
  }
  return out;
}

function rowsOf(events: Ga4EventInput[], bad: Malformed): Record<string, unknown>[] {
  const rows = events.map(ga4Row);
  if (bad.noUserId) rows.push(ga4Row({ name: 'view_item', atMs: events[0]!.atMs + 5000, pseudoId: null, sessionId: 1, items: events.find((e) => e.name === 'view_item')!.items! }));
  if (bad.badPrice) {
    const row = rows.find((r) => (r.items as { price: unknown }[]).some((i) => i.price !== null))!;
    (row.items as { price: unknown }[])[0]!.price = 'abc';
  }
  if (bad.missingColumn) for (const r of rows) delete r[bad.missingColumn];
  return rows;
}

const asStrings = (json: string): string => json.replace(/"(event_timestamp|int_value|quantity|total_item_quantity|unique_items)":(\d+)/g, '"$1":"$2"');

/**
 * A GA4 BigQuery export of the shoppers in `dir`: newline-delimited JSON (plain or gzip) or Parquet
 * with the export's nested types. Returns the file's path.
 */
export async function writeGa4Export(dir: string, shoppers: FixtureShopper[] = DEFAULT_SHOPPERS, opts: Ga4Options = {}): Promise<string> {
  const format = opts.format ?? 'ndjson';
  const bad = opts.malformed ?? {};
  if (format === 'parquet' && (bad.badPrice || bad.truncatedLine)) throw new Error('a Parquet GA4 fixture cannot carry a bad price or a truncated line: use ndjson');
  const rows = rowsOf(ga4Events(shoppers, opts.items ?? DEFAULT_ITEMS), bad);
  const lines = rows.map((r) => (opts.int64AsStrings ? asStrings(JSON.stringify(r)) : JSON.stringify(r)));
  if (bad.truncatedLine) lines[lines.length - 1] = cut(lines[lines.length - 1]!);
  const base = path.join(dir, opts.name ?? 'events');
  if (format === 'ndjson') {
    writeFileSync(`${base}.ndjson`, lines.join('\n') + '\n');
    return `${base}.ndjson`;
  }
  const gz = `${base}.ndjson.gz`;
  const w = lineWriter(gz);
  for (const line of lines) await w.write(line);
  await w.close();
  if (format === 'ndjson.gz') return gz;
  await ndjsonToParquet(gz, `${base}.parquet`, bad.missingColumn ? [bad.missingColumn] : []);
  rmSync(gz);
  return `${base}.parquet`;
}
