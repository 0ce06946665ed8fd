-- Shopify admin orders export (Orders → Export, CSV, one row per line item) → shop_events.
-- Run sql/shop-events.sql first. Placeholders:
--   {{source}}  e.g. read_csv('orders_export.csv', header = true, all_varchar = true)
--   {{file}}    the file's name as a string literal
-- Shopify fills the order's columns (Email, Created at) on its first line only, so they are
-- spread over the order by Name. The shopper is the SHA-256 of the lower-cased Email: the address
-- itself never leaves this query. Every line is a purchase; the visit is the order.
INSERT INTO shop_events
WITH src AS (
  SELECT row_number() OVER () AS src_row, * FROM {{source}}
), filled AS (
  SELECT src_row, "Name" AS order_name,
    max(nullif(lower(trim("Email")), '')) OVER (PARTITION BY "Name") AS email,
    max(nullif(trim("Created at"), '')) OVER (PARTITION BY "Name") AS created,
    nullif(trim("Lineitem sku"), '') AS sku, nullif(trim("Lineitem name"), '') AS line_name,
    "Lineitem price" AS price_text, nullif(trim("Vendor"), '') AS vendor
  FROM src
), parsed AS (
  SELECT *, CASE WHEN email IS NOT NULL THEN sha256(email) END AS shopper,
    epoch_ms(coalesce(TRY_STRPTIME(created, '%Y-%m-%d %H:%M:%S %z'), TRY_CAST(created AS TIMESTAMPTZ))) AS at_ms
  FROM filled
)
SELECT {{file}}, src_row, shopper, at_ms, 'o' || order_name, 'purchase',
  coalesce(sku, line_name), line_name, vendor, NULL, NULL, price_text, order_name,
  CASE WHEN nullif(trim(order_name), '') IS NULL THEN 'no order Name'
    WHEN shopper IS NULL THEN 'no shopper id (Email)'
    WHEN at_ms IS NULL THEN 'no Created at'
    WHEN coalesce(sku, line_name) IS NULL THEN 'line item without Lineitem sku or Lineitem name' END
FROM parsed;
