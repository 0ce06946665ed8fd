-- The small output `npm run train` reads: one GA4-shaped row per step (steps.sql), named after
-- its strongest action, with the item's fields from event_items.sql, in the export's own column
-- names, so the trainer's GA4 reader takes it as it is:
--   EXPORT DATA OPTIONS (uri = 'gs://bucket/hearth/steps-*.parquet', format = 'PARQUET') AS <this query>
--   npm run train -- --events 'steps-*.parquet' --catalog feed.tsv --out model/
-- Each visit keeps its own ga_session_id (a fingerprint of the visit), so the DuckDB sequence
-- rule finds the same steps again. Impressions are not exported: they are never steps. Placeholder:
-- {{dataset}}.
SELECT
  CASE s.strength WHEN 1 THEN 'view_item' WHEN 2 THEN 'select_item' WHEN 3 THEN 'add_to_cart' ELSE 'purchase' END AS event_name,
  s.at_ms * 1000 AS event_timestamp,
  CAST(NULL AS STRING) AS user_id,
  s.shopper AS user_pseudo_id,
  [STRUCT('ga_session_id' AS key,
    STRUCT(CAST(NULL AS STRING) AS string_value, FARM_FINGERPRINT(s.visit) AS int_value, CAST(NULL AS FLOAT64) AS float_value, CAST(NULL AS FLOAT64) AS double_value) AS value)] AS event_params,
  STRUCT(CAST(NULL AS STRING) AS transaction_id) AS ecommerce,
  [STRUCT(s.item_key AS item_id, i.title AS item_name, i.brand AS item_brand, i.variant AS item_variant,
    i.categories[SAFE_OFFSET(0)] AS item_category, i.categories[SAFE_OFFSET(1)] AS item_category2,
    i.categories[SAFE_OFFSET(2)] AS item_category3, i.categories[SAFE_OFFSET(3)] AS item_category4,
    i.categories[SAFE_OFFSET(4)] AS item_category5, i.price AS price)] AS items
FROM {{dataset}}.steps AS s LEFT JOIN {{dataset}}.event_items AS i ON i.key = s.item_key;
