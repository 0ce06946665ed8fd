-- BigQuery Standard SQL counterpart of ../event-items.sql: each item's fields as the events carry
-- them (its latest record), for items the feed lacks. Placeholder: {{dataset}}.
CREATE OR REPLACE TABLE {{dataset}}.event_items AS
SELECT key,
  latest.title AS title, latest.brand AS brand, latest.categories AS categories, latest.price AS price, latest.variant AS variant
FROM (
  SELECT COALESCE(k.item_key, e.item_id) AS key,
    ARRAY_AGG(STRUCT(e.item_name AS title, e.item_brand AS brand, e.categories AS categories, e.price_text AS price, e.item_variant AS variant)
      ORDER BY e.at_ms DESC LIMIT 1)[OFFSET(0)] AS latest
  FROM {{dataset}}.shop_events AS e LEFT JOIN {{dataset}}.item_keys AS k ON k.item_id = e.item_id
  WHERE e.drop_reason IS NULL
  GROUP BY 1
);
