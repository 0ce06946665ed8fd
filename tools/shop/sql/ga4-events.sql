-- GA4 BigQuery export (the documented export schema, one row per event) → shop_events, one row
-- per item of an e-commerce event. Run sql/shop-events.sql first. Placeholders:
--   {{source}}  the export as a relation, e.g. read_parquet('events_20240101.parquet')
--               or read_json('events.ndjson.gz', format='newline_delimited')
--   {{file}}    the file's name as a string literal, e.g. 'events_20240101.parquet'
-- The shopper is user_id where set, else user_pseudo_id; the visit is ga_session_id (else the UTC day).
INSERT INTO shop_events
WITH ev AS (
  SELECT row_number() OVER () AS src_row, * FROM {{source}}
), named AS (
  SELECT src_row,
    coalesce(nullif(trim(CAST(user_id AS VARCHAR)), ''), nullif(trim(CAST(user_pseudo_id AS VARCHAR)), '')) AS shopper,
    TRY_CAST(event_timestamp AS BIGINT) // 1000 AS at_ms,
    CAST(list_filter(event_params, p -> p.key = 'ga_session_id')[1].value.int_value AS VARCHAR) AS session,
    CASE event_name WHEN 'view_item_list' THEN 'impression' WHEN 'select_item' THEN 'click' WHEN 'view_item' THEN 'view'
      WHEN 'add_to_cart' THEN 'add_to_cart' WHEN 'purchase' THEN 'purchase' END AS action,
    CAST(ecommerce.transaction_id AS VARCHAR) AS order_id,
    items
  FROM ev
), checked AS (
  SELECT *,
    CASE WHEN action IS NULL THEN 'not an e-commerce event Hearth learns from'
      WHEN shopper IS NULL THEN 'no shopper id (user_id, user_pseudo_id)'
      WHEN at_ms IS NULL THEN 'no event_timestamp'
      WHEN items IS NULL OR len(items) = 0 THEN 'e-commerce event without items' END AS event_drop
  FROM named
)
SELECT {{file}}, src_row, shopper, at_ms,
  CASE WHEN session IS NOT NULL THEN 's' || session ELSE 'd' || CAST(at_ms // 86400000 AS VARCHAR) END,
  action, NULL, NULL, NULL, NULL, NULL, NULL, order_id, event_drop
FROM checked WHERE event_drop IS NOT NULL
UNION ALL
SELECT {{file}}, src_row, shopper, at_ms,
  CASE WHEN session IS NOT NULL THEN 's' || session ELSE 'd' || CAST(at_ms // 86400000 AS VARCHAR) END,
  action,
  coalesce(nullif(trim(CAST(it.item_id AS VARCHAR)), ''), nullif(trim(CAST(it.item_name AS VARCHAR)), '')),
  CAST(it.item_name AS VARCHAR), CAST(it.item_brand AS VARCHAR), CAST(it.item_variant AS VARCHAR),
  [CAST(it.item_category AS VARCHAR), CAST(it.item_category2 AS VARCHAR), CAST(it.item_category3 AS VARCHAR),
   CAST(it.item_category4 AS VARCHAR), CAST(it.item_category5 AS VARCHAR)],
  CAST(it.price AS VARCHAR), order_id,
  CASE WHEN coalesce(nullif(trim(CAST(it.item_id AS VARCHAR)), ''), nullif(trim(CAST(it.item_name AS VARCHAR)), '')) IS NULL
    THEN 'item without item_id or item_name' END
FROM (SELECT *, unnest(items) AS it FROM checked WHERE event_drop IS NULL);
