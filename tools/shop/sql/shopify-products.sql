-- Shopify products export (Products → Export, CSV) → catalogue rows, one per variant. Placeholder:
--   {{source}}  e.g. read_csv('products_export.csv', header = true, all_varchar = true)
-- Shopify fills Title, Vendor and Type on a product's first row only, so they are spread over the
-- product by Handle. The id is Variant SKU (else the Handle); the group is the Handle.
SELECT src_row, coalesce(sku, handle) AS id, handle AS group_id, title, vendor AS brand, type AS categories,
  price_text, NULL AS availability, variant
FROM (
  SELECT row_number() OVER () AS src_row, nullif(trim("Handle"), '') AS handle,
    nullif(trim("Variant SKU"), '') AS sku, "Variant Price" AS price_text,
    max(nullif(trim("Title"), '')) OVER (PARTITION BY "Handle") AS title,
    max(nullif(trim("Vendor"), '')) OVER (PARTITION BY "Handle") AS vendor,
    max(nullif(trim("Type"), '')) OVER (PARTITION BY "Handle") AS type,
    nullif(trim("Option1 Value"), '') AS variant
  FROM {{source}}
)
ORDER BY src_row;
