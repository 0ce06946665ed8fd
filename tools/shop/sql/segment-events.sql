-- One Segment warehouse table (product_list_viewed, product_clicked, product_viewed,
-- product_added, order_completed), as CSV or Parquet → shop_events. Run sql/shop-events.sql first.
-- Placeholders:
--   {{source}}  the table as a relation, e.g. read_csv('product_viewed.csv', all_varchar = true)
--   {{file}}    the file's name as a string literal
--   {{action}}  Hearth's event type for this table, e.g. 'view' (the table name is the event)
-- The shopper is user_id where set, else anonymous_id; Segment has no sessions, so the visit is
-- the UTC day. List and order tables carry `products` as JSON text; the others one product's columns.
-- A category "A > B > C" (the path Segment's ecommerce spec and most shops send) is three categories.
INSERT INTO shop_events
WITH src AS (
  SELECT row_number() OVER () AS src_row, * FROM {{source}}
), base AS (
  SELECT src_row,
    coalesce(nullif(trim(CAST(user_id AS VARCHAR)), ''), nullif(trim(CAST(anonymous_id AS VARCHAR)), '')) AS shopper,
    epoch_ms(TRY_CAST(CAST("timestamp" AS VARCHAR) AS TIMESTAMPTZ)) AS at_ms,
    nullif(trim(CAST(order_id AS VARCHAR)), '') AS order_id,
    CASE WHEN nullif(trim(CAST(products AS VARCHAR)), '') IS NOT NULL THEN
      CASE WHEN json_valid(CAST(products AS VARCHAR)) THEN json_extract(CAST(products AS VARCHAR), '$[*]') END
    ELSE [json_object('product_id', CAST(product_id AS VARCHAR), 'sku', CAST(sku AS VARCHAR), 'name', CAST(name AS VARCHAR),
      'brand', CAST(brand AS VARCHAR), 'category', CAST(category AS VARCHAR), 'price', CAST(price AS VARCHAR),
      'variant', CAST(variant AS VARCHAR))] END AS products,
    nullif(trim(CAST(products AS VARCHAR)), '') IS NOT NULL AND NOT json_valid(CAST(products AS VARCHAR)) AS bad_json
  FROM src
), checked AS (
  SELECT *,
    CASE WHEN bad_json THEN 'products is not valid JSON'
      WHEN shopper IS NULL THEN 'no shopper id (user_id, anonymous_id)'
      WHEN at_ms IS NULL THEN 'no timestamp'
      WHEN products IS NULL OR len(products) = 0 THEN 'event without products' END AS event_drop
  FROM base
), items AS (
  SELECT *, unnest(products) AS p FROM checked WHERE event_drop IS NULL
)
SELECT {{file}}, src_row, shopper, at_ms, 'd' || CAST(at_ms // 86400000 AS VARCHAR), {{action}},
  NULL, NULL, NULL, NULL, NULL, NULL, order_id, event_drop
FROM checked WHERE event_drop IS NOT NULL
UNION ALL
SELECT {{file}}, src_row, shopper, at_ms, 'd' || CAST(at_ms // 86400000 AS VARCHAR), {{action}},
  coalesce(nullif(trim(p->>'product_id'), ''), nullif(trim(p->>'sku'), ''), nullif(trim(p->>'id'), '')),
  p->>'name', p->>'brand', p->>'variant',
  CASE WHEN nullif(trim(p->>'category'), '') IS NOT NULL THEN
    list_filter(list_transform(string_split(p->>'category', '>'), c -> trim(c)), c -> c <> '') END,
  p->>'price', order_id,
  CASE WHEN coalesce(nullif(trim(p->>'product_id'), ''), nullif(trim(p->>'sku'), ''), nullif(trim(p->>'id'), '')) IS NULL
    THEN 'product without product_id or sku' END
FROM items;
