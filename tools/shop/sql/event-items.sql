-- Each item's fields as the events carry them (its latest record): items the feed lacks take
-- these. No placeholders: it reads shop_events and item_keys (see steps.sql).
SELECT coalesce(k.item_key, e.item_id) AS key, arg_max(e.item_name, e.at_ms) AS title, arg_max(e.item_brand, e.at_ms) AS brand,
  arg_max(e.categories, e.at_ms) AS categories, arg_max(e.price_text, e.at_ms) AS price, arg_max(e.item_variant, e.at_ms) AS variant
FROM shop_events e LEFT JOIN item_keys k ON k.item_id = e.item_id
WHERE e.drop_reason IS NULL
GROUP BY ALL;
