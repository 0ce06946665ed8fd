import path from 'node:path';
import type { Duck } from './duck.js';
import { sqlString } from './duck.js';
import { detectEvents, segmentTable, type EventsFormat } from './detect.js';
import type { Inspected } from './inputs.js';
import { baseRelation, withColumns } from './relations.js';
import { duckError } from './shop-error.js';
import { jsonLinesError } from './json-lines-check.js';

const GA4_ITEM = `STRUCT(item_id VARCHAR, item_name VARCHAR, item_brand VARCHAR, item_variant VARCHAR, item_category VARCHAR, item_category2 VARCHAR, item_category3 VARCHAR, item_category4 VARCHAR, item_category5 VARCHAR, price VARCHAR, item_list_id VARCHAR, item_list_index VARCHAR)[]`;
const GA4_PARAMS = 'STRUCT("key" VARCHAR, "value" STRUCT(string_value VARCHAR, int_value VARCHAR, float_value VARCHAR, double_value VARCHAR))[]';
/** The export schema's columns Hearth reads, as typed for NDJSON (BigQuery writes INT64 as strings). */
const GA4_JSON_COLUMNS = {
  event_name: 'VARCHAR',
  event_timestamp: 'VARCHAR',
  user_id: 'VARCHAR',
  user_pseudo_id: 'VARCHAR',
  event_params: GA4_PARAMS,
  ecommerce: 'STRUCT(transaction_id VARCHAR)',
  items: GA4_ITEM,
};

/** Runs one events file's query into shop_events (see sql/shop-events.sql). */
export async function readEventsFile(duck: Duck, f: Inspected, forced: EventsFormat | undefined): Promise<Exclude<EventsFormat, 'folder'>> {
  const format = forced === undefined || forced === 'folder' ? detectEvents(f) : forced;
  const file = sqlString(path.basename(f.file));
  try {
    if (format === 'ga4') {
      const rel = f.peek.kind === 'json-lines' ? baseRelation(f, GA4_JSON_COLUMNS) : baseRelation(f);
      const source = withColumns(f, rel, 'a GA4 export', ['event_name', 'event_timestamp', ['user_pseudo_id', 'user_id']], {
        user_id: 'VARCHAR',
        user_pseudo_id: 'VARCHAR',
        event_params: GA4_PARAMS,
        ecommerce: 'STRUCT(transaction_id VARCHAR)',
        items: GA4_ITEM,
      });
      await duck.runFile('ga4-events', { source, file });
    } else if (format === 'segment') {
      const { action } = segmentTable(f.file);
      const optional = Object.fromEntries(['user_id', 'anonymous_id', 'order_id', 'products', 'product_id', 'sku', 'name', 'brand', 'category', 'price', 'variant'].map((c) => [c, 'VARCHAR']));
      const source = withColumns(f, baseRelation(f), 'a Segment table', ['timestamp', ['user_id', 'anonymous_id'], ['product_id', 'sku', 'products']], optional);
      await duck.runFile('segment-events', { source, file, action: sqlString(action) });
    } else {
      const source = withColumns(f, baseRelation(f), 'a Shopify orders export', ['Name', 'Email', 'Created at', ['Lineitem sku', 'Lineitem name']], {
        'Lineitem sku': 'VARCHAR',
        'Lineitem name': 'VARCHAR',
        'Lineitem price': 'VARCHAR',
        Vendor: 'VARCHAR',
      });
      await duck.runFile('shopify-orders', { source, file });
    }
  } catch (err) {
    throw f.peek.kind === 'json-lines' ? await jsonLinesError(f.file, err) : duckError(f.file, err);
  }
  return format;
}
