-- Google Merchant Center product feed (TSV) → catalogue rows. Placeholder:
--   {{source}}  e.g. read_csv('feed.tsv', delim = '\t', header = true, all_varchar = true, quote = '')
-- product_type ("Sports > Outdoor > Tents") gives the categories; google_product_category stands
-- in where product_type is empty. price is "12.99 USD": the number is parsed by the reader.
SELECT row_number() OVER () AS src_row,
  nullif(trim(id), '') AS id, nullif(trim(item_group_id), '') AS group_id,
  title, brand, coalesce(nullif(trim(product_type), ''), nullif(trim(google_product_category), '')) AS categories,
  price AS price_text, availability, NULL AS variant
FROM {{source}};
