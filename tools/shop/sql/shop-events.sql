-- The common shape every events reader writes into: one row per (event, item), in the source's
-- order. `action` is Hearth's event type (impression, click, view, add_to_cart, purchase);
-- `drop_reason` is set on rows that cannot be used (they are counted in the report, never used).
-- `visit` groups one shopper's actions into a visit: a GA4 session, otherwise a UTC day or an order.
CREATE OR REPLACE TABLE shop_events (
  src_file VARCHAR, src_row BIGINT, shopper VARCHAR, at_ms BIGINT, visit VARCHAR, action VARCHAR,
  item_id VARCHAR, item_name VARCHAR, item_brand VARCHAR, item_variant VARCHAR, categories VARCHAR[],
  price_text VARCHAR, order_id VARCHAR, drop_reason VARCHAR
);
