-- BigQuery Standard SQL counterpart of ../steps.sql: the sequence rule over shop_events
-- (ga4-events.sql). A shopper's steps are the items they engaged with (impressions are not
-- steps), one step per item and visit at its strongest action, at the visit's first engagement
-- with it. Placeholder: {{dataset}} (as in ga4-events.sql). {{dataset}}.item_keys(item_id,
-- item_key) maps an item to its model key (empty table: each item is its own key; --id-key group:
-- load the feed's id → item_group_id pairs into it). Same output columns as the DuckDB query;
-- the order is left to the reader (npm run train sorts the steps again).
CREATE OR REPLACE TABLE {{dataset}}.steps AS
SELECT e.shopper, COALESCE(k.item_key, e.item_id) AS item_key, e.visit,
  MIN(e.at_ms) AS at_ms,
  MAX(CASE e.action WHEN 'view' THEN 1 WHEN 'click' THEN 2 WHEN 'add_to_cart' THEN 3 WHEN 'purchase' THEN 4 END) AS strength
FROM {{dataset}}.shop_events AS e LEFT JOIN {{dataset}}.item_keys AS k ON k.item_id = e.item_id
WHERE e.drop_reason IS NULL AND e.action <> 'impression'
GROUP BY 1, 2, 3;
