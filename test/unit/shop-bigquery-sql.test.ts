import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openDuck, sqlString, sqlText, type Duck } from '../../tools/shop/duck.js';
import { loadEvents } from '../../tools/shop/read-shop.js';
import { GA4_COLUMNS, writeGa4Export } from '../support/shop-fixtures.js';
import { generateShop } from '../../tools/bench/scale/generate.js';
import { selectColumns } from '../support/sql-columns.js';
import { read, sequencesOf, tmp } from './shop-read.js';

/** The DuckDB queries whose cost grows with the export, each with its BigQuery counterpart. */
const DATA_PROPORTIONAL = ['ga4-events', 'steps', 'event-items'];
const SQL = path.resolve('tools/shop/sql');
const bigQuery = (name: string) => readFileSync(path.join(SQL, 'bigquery', `${name}.sql`), 'utf8');
const query = (name: string) => sqlText(name, {}).trim().replace(/;$/, '');

async function columnsOf(duck: Duck, sql: string): Promise<string[]> {
  return (await duck.rows(`DESCRIBE ${sql}`)).map((r) => String(r.column_name));
}

/**
 * tools/shop/sql/bigquery/steps-export.sql in DuckDB's dialect: one GA4-shaped row per step,
 * the visit's fingerprint as its ga_session_id. It checks the export's shape: the trainer's GA4
 * reader must find the same sequences in it as in the full export.
 */
const STEPS_EXPORT_DUCKDB = (out: string) => `COPY (SELECT
  CASE s.strength WHEN 1 THEN 'view_item' WHEN 2 THEN 'select_item' WHEN 3 THEN 'add_to_cart' ELSE 'purchase' END AS event_name,
  s.at_ms * 1000 AS event_timestamp, CAST(NULL AS VARCHAR) AS user_id, s.shopper AS user_pseudo_id,
  [{'key': 'ga_session_id', 'value': {'string_value': CAST(NULL AS VARCHAR), 'int_value': CAST(hash(s.visit) % 1000000000000 AS BIGINT), 'float_value': CAST(NULL AS DOUBLE), 'double_value': CAST(NULL AS DOUBLE)}}] AS event_params,
  {'transaction_id': CAST(NULL AS VARCHAR)} AS ecommerce,
  [{'item_id': s.item_key, 'item_name': i.title, 'item_brand': i.brand, 'item_variant': i.variant, 'item_category': i.categories[1], 'item_category2': i.categories[2],
    'item_category3': i.categories[3], 'item_category4': i.categories[4], 'item_category5': i.categories[5], 'price': i.price}] AS items
  FROM (${query('steps')}) s LEFT JOIN (${query('event-items')}) i ON i.key = s.item_key) TO ${sqlString(out)} (FORMAT parquet)`;

describe('BigQuery counterparts of the shop SQL', () => {
  it('every data-proportional DuckDB query has one, with the same output columns', async () => {
    for (const name of DATA_PROPORTIONAL) expect(existsSync(path.join(SQL, 'bigquery', `${name}.sql`)), name).toBe(true);
    const duck = await openDuck();
    try {
      await loadEvents(duck, { events: await writeGa4Export(tmp(), undefined, { format: 'parquet' }), idKey: 'item' });
      await duck.run('CREATE OR REPLACE TABLE item_keys (item_id VARCHAR, item_key VARCHAR)');
      const events = await columnsOf(duck, 'SELECT * FROM shop_events');
      expect(selectColumns(bigQuery('ga4-events'))).toEqual([events, events]);
      expect(selectColumns(bigQuery('steps'))).toEqual([await columnsOf(duck, query('steps'))]);
      expect(selectColumns(bigQuery('event-items'))).toEqual([await columnsOf(duck, query('event-items'))]);
    } finally {
      duck.close();
    }
  });

  it('the steps export carries the GA4 columns the trainer reads, and gives back the same sequences', async () => {
    // The synthetic shop: shoppers come back to items in later visits, which must stay steps of their own.
    const dir = tmp();
    const shop = await generateShop({ events: 3000, skus: 400, seed: 3 }, dir, true);
    const [events, catalog] = [shop.parquet!, shop.feed];
    const exported = path.join(dir, 'steps.parquet');
    const duck = await openDuck();
    try {
      await loadEvents(duck, { events, idKey: 'item' });
      await duck.run('CREATE OR REPLACE TABLE item_keys (item_id VARCHAR, item_key VARCHAR)');
      await duck.run(STEPS_EXPORT_DUCKDB(exported));
      const [bq] = selectColumns(bigQuery('steps-export'));
      expect(bq).toEqual(await columnsOf(duck, `SELECT * FROM read_parquet(${sqlString(exported)})`));
      expect(bq!.filter((c) => !(c in GA4_COLUMNS))).toEqual([]);
    } finally {
      duck.close();
    }
    const full = await read({ events, catalog });
    const small = await read({ events: exported, catalog });
    expect(sequencesOf(small)).toEqual(sequencesOf(full));
    expect(small.facts.stepsByAction).toEqual(full.facts.stepsByAction);
    expect(small.dataset.items).toEqual(full.dataset.items);
  });
});
