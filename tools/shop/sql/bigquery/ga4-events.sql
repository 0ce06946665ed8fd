-- BigQuery Standard SQL counterpart of ../ga4-events.sql (+ ../shop-events.sql): the GA4 export's
-- daily tables → shop_events, one row per item of an e-commerce event, in place. Placeholders:
--   {{export}}   the export's tables, e.g. `my-project.analytics_123456.events_*`
--   {{dataset}}  a dataset for the outputs, e.g. `my-project.hearth`
--   {{from}} {{to}}  the _TABLE_SUFFIX range, e.g. '20260101' and '20261231'
-- Same columns and rules as the DuckDB query: the shopper is user_id where set, else
-- user_pseudo_id; the visit is ga_session_id (else the UTC day). src_file is the table's date
-- suffix; src_row is NULL (numbering a whole export in order would run on one worker).
CREATE OR REPLACE TABLE {{dataset}}.shop_events AS
WITH named AS (
  SELECT _TABLE_SUFFIX AS src_file,
    COALESCE(NULLIF(TRIM(user_id), ''), NULLIF(TRIM(user_pseudo_id), '')) AS shopper,
    DIV(event_timestamp, 1000) AS at_ms,
    CAST((SELECT p.value.int_value FROM UNNEST(event_params) AS p WHERE p.key = 'ga_session_id' LIMIT 1) AS STRING) AS session,
    CASE event_name WHEN 'view_item_list' THEN 'impression' WHEN 'select_item' THEN 'click' WHEN 'view_item' THEN 'view'
      WHEN 'add_to_cart' THEN 'add_to_cart' WHEN 'purchase' THEN 'purchase' END AS action,
    ecommerce.transaction_id AS order_id,
    items
  FROM {{export}}
  WHERE _TABLE_SUFFIX BETWEEN {{from}} AND {{to}}
), checked AS (
  SELECT *,
    IF(session IS NOT NULL, CONCAT('s', session), CONCAT('d', CAST(DIV(at_ms, 86400000) AS STRING))) AS visit,
    CASE WHEN action IS NULL THEN 'not an e-commerce event Hearth learns from'
      WHEN shopper IS NULL THEN 'no shopper id (user_id, user_pseudo_id)'
      WHEN at_ms IS NULL THEN 'no event_timestamp'
      WHEN ARRAY_LENGTH(items) = 0 THEN 'e-commerce event without items' END AS event_drop
  FROM named
)
SELECT src_file, CAST(NULL AS INT64) AS src_row, shopper, at_ms, visit, action,
  CAST(NULL AS STRING) AS item_id, CAST(NULL AS STRING) AS item_name, CAST(NULL AS STRING) AS item_brand,
  CAST(NULL AS STRING) AS item_variant, CAST([] AS ARRAY<STRING>) AS categories, CAST(NULL AS STRING) AS price_text,
  order_id, event_drop AS drop_reason
FROM checked WHERE event_drop IS NOT NULL
UNION ALL
SELECT src_file, CAST(NULL AS INT64) AS src_row, shopper, at_ms, visit, action,
  COALESCE(NULLIF(TRIM(it.item_id), ''), NULLIF(TRIM(it.item_name), '')) AS item_id,
  it.item_name AS item_name, it.item_brand AS item_brand, it.item_variant AS item_variant,
  -- BigQuery arrays cannot hold NULL: empty levels are left out (the DuckDB reader drops them too).
  ARRAY(SELECT c FROM UNNEST([it.item_category, it.item_category2, it.item_category3, it.item_category4, it.item_category5]) AS c WITH OFFSET o
    WHERE NULLIF(TRIM(c), '') IS NOT NULL ORDER BY o) AS categories,
  CAST(it.price AS STRING) AS price_text, order_id,
  IF(COALESCE(NULLIF(TRIM(it.item_id), ''), NULLIF(TRIM(it.item_name), '')) IS NULL, 'item without item_id or item_name', NULL) AS drop_reason
FROM checked CROSS JOIN UNNEST(checked.items) AS it
WHERE event_drop IS NULL;
