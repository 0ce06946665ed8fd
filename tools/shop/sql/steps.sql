-- The sequence rule: a shopper's steps are the items they engaged with (click, view, add to cart,
-- purchase; impressions are not steps), one step per item and visit at its strongest action,
-- placed at the visit's first engagement with that item, in time order. No placeholders: it reads
-- shop_events (see shop-events.sql); `item_key` is the id the model is keyed by, from
-- item_keys(item_id, item_key) (the item itself, or its item_group_id with --id-key group).
-- Shoppers come in the order of their first step (then by id), so "the first N shoppers" are
-- the earliest ones, whatever the ids look like.
WITH steps AS (
  SELECT e.shopper, coalesce(k.item_key, e.item_id) AS item_key, e.visit,
    min(e.at_ms) AS at_ms,
    max(CASE e.action WHEN 'view' THEN 1 WHEN 'click' THEN 2 WHEN 'add_to_cart' THEN 3 WHEN 'purchase' THEN 4 END) AS strength
  FROM shop_events e LEFT JOIN item_keys k ON k.item_id = e.item_id
  WHERE e.drop_reason IS NULL AND e.action <> 'impression'
  GROUP BY ALL
)
SELECT shopper, item_key, visit, at_ms, strength
FROM steps
ORDER BY min(at_ms) OVER (PARTITION BY shopper), shopper, at_ms, item_key;
