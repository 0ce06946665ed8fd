import path from 'node:path';
import type { Duck } from './duck.js';
import type { FeedRow } from './feed-row.js';
import { expandInput, inspect, type Inspected } from './inputs.js';
import type { CsvLines } from './csv-lines.js';
import { readCatalogFile } from './read-catalog.js';
import { readEventsFile } from './read-events.js';
import type { Problems } from './problems.js';
import type { ShopOptions } from './shop-options.js';

export interface FileFact {
  file: string;
  format: string;
  kind: string;
}

/** Every events file into shop_events; returns what each file was read as. */
export async function loadEvents(duck: Duck, options: ShopOptions, csv?: CsvLines): Promise<FileFact[]> {
  await duck.runFile('shop-events', {});
  const out: FileFact[] = [];
  for (const file of await expandInput(duck, options.events, 'events')) {
    const f = await inspect(duck, file);
    const format = await readEventsFile(duck, f, options.eventsFormat);
    if (isPlainCsv(f)) csv?.add(path.basename(file), file);
    out.push({ file: path.basename(file), format, kind: f.peek.kind + (f.peek.gzip ? ' (gzip)' : '') });
  }
  return out;
}

export async function loadCatalog(duck: Duck, options: ShopOptions, csv?: CsvLines): Promise<{ files: FileFact[]; rows: FeedRow[] }> {
  const files: FileFact[] = [];
  const rows: FeedRow[] = [];
  if (!options.catalog) return { files, rows };
  for (const file of await expandInput(duck, options.catalog, 'catalog')) {
    const f = await inspect(duck, file);
    const r = await readCatalogFile(duck, f, options.catalogFormat);
    if (isPlainCsv(f)) csv?.add(path.basename(file), file);
    files.push({ file: path.basename(file), format: r.format, kind: f.peek.kind + (f.peek.gzip ? ' (gzip)' : '') });
    rows.push(...r.rows);
  }
  return { files, rows };
}

/** A CSV or TSV file not gzipped: its rows' lines can be counted (see csv-lines.ts). */
const isPlainCsv = (f: Inspected) => (f.peek.kind === 'csv' || f.peek.kind === 'tsv') && !f.peek.gzip;

/** GA4 exports hold every event (page_view, session_start, …): skipping those is normal. */
const NOT_ECOMMERCE = 'not an e-commerce event Hearth learns from';

export interface EventCounts {
  /** Source rows (GA4: events; Segment: table rows; Shopify: line items). */
  rowsRead: number;
  /** One record per item of an event. */
  records: number;
  recordsKept: number;
  byAction: Record<string, number>;
}

/** Counts of shop_events; dropped records go to `problems` by reason with their first places. */
export async function countEvents(duck: Duck, problems: Problems): Promise<EventCounts> {
  const [totals] = await duck.rows(`SELECT count(DISTINCT (src_file, src_row)) AS rows_read, count(*) AS records, count(*) FILTER (drop_reason IS NULL) AS kept FROM shop_events`);
  const drops = await duck.rows(`SELECT drop_reason, count(*) AS n, list(struct_pack(f := src_file, r := src_row) ORDER BY src_file, src_row)[1:3] AS ex FROM shop_events WHERE drop_reason IS NOT NULL GROUP BY drop_reason ORDER BY n DESC`);
  for (const d of drops) {
    const ex = (d.ex as Array<{ f: string; r: bigint }>).map((e) => ({ file: e.f, row: Number(e.r) }));
    problems.addCounted(String(d.drop_reason), Number(d.n), ex, d.drop_reason === NOT_ECOMMERCE);
  }
  const badPrice = await duck.rows(`SELECT count(*) AS n, list(struct_pack(f := src_file, r := src_row) ORDER BY src_file, src_row)[1:3] AS ex FROM shop_events
    WHERE drop_reason IS NULL AND nullif(trim(price_text), '') IS NOT NULL AND TRY_CAST(nullif(regexp_replace(price_text, '[^0-9.\\-]', '', 'g'), '') AS DOUBLE) IS NULL`);
  const bp = badPrice[0]!;
  problems.addCounted('price is not a number (the item keeps no price; the step is kept)', Number(bp.n), ((bp.ex ?? []) as Array<{ f: string; r: bigint }>).map((e) => ({ file: e.f, row: Number(e.r), column: 'price' })));
  const actions = await duck.rows(`SELECT action, count(*) AS n FROM shop_events WHERE drop_reason IS NULL GROUP BY action ORDER BY action`);
  return {
    rowsRead: Number(totals!.rows_read),
    records: Number(totals!.records),
    recordsKept: Number(totals!.kept),
    byAction: Object.fromEntries(actions.map((a) => [String(a.action), Number(a.n)])),
  };
}
