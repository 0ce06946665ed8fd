import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Duck } from './duck.js';
import { sqlText } from './duck.js';
import { detectCatalog, type CatalogFormat } from './detect.js';
import type { Inspected } from './inputs.js';
import { readMerchantXml } from './merchant-xml.js';
import { baseRelation, withColumns } from './relations.js';
import { duckError, shopError } from './shop-error.js';
import type { FeedRow } from './feed-row.js';

export async function readCatalogFile(duck: Duck, f: Inspected, forced: CatalogFormat | undefined): Promise<{ format: CatalogFormat; rows: FeedRow[] }> {
  const format = forced ?? detectCatalog(f);
  if (format === 'jsonl') return { format, rows: readItemLines(f.file) };
  if (format === 'merchant' && f.peek.kind === 'xml') return { format, rows: readMerchantXml(f.file) };
  let sql: string;
  try {
    if (format === 'merchant') {
      const source = withColumns(f, baseRelation(f), 'a Merchant Center feed', ['id', 'title'], Object.fromEntries(['brand', 'product_type', 'google_product_category', 'price', 'item_group_id', 'availability'].map((c) => [c, 'VARCHAR'])));
      sql = sqlText('merchant-feed', { source });
    } else {
      const source = withColumns(f, baseRelation(f), 'a Shopify products export', ['Handle'], Object.fromEntries(['Title', 'Vendor', 'Type', 'Variant SKU', 'Variant Price', 'Option1 Value'].map((c) => [c, 'VARCHAR'])));
      sql = sqlText('shopify-products', { source });
    }
    const rows = await duck.rows(sql);
    return {
      format,
      rows: rows.map((r) => ({
        file: path.basename(f.file),
        row: Number(r.src_row),
        id: str(r.id),
        groupId: str(r.group_id),
        title: str(r.title),
        brand: str(r.brand),
        categories: str(r.categories),
        priceText: str(r.price_text),
        availability: str(r.availability),
        variant: str(r.variant) === 'Default Title' ? undefined : str(r.variant),
      })),
    };
  } catch (err) {
    throw duckError(f.file, err);
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : undefined);

/** JSON lines of Hearth `Item`s, one object a line; a line that is not JSON is an error with its number. */
function readItemLines(file: string): FeedRow[] {
  const rows: FeedRow[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (!text.trim()) return;
      let v: unknown;
      try {
        v = JSON.parse(text);
      } catch (err) {
        throw shopError({ file, line: i + 1 }, `not valid JSON (${(err as Error).message})`);
      }
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw shopError({ file, line: i + 1 }, 'expected an item object like {"id": "sku-1", "brand": "…"}');
      const o = v as Record<string, unknown>;
      rows.push({
        file: path.basename(file),
        line: i + 1,
        id: typeof o.id === 'string' ? o.id : undefined,
        groupId: typeof o.item_group_id === 'string' ? o.item_group_id : undefined,
        title: o.title as string | undefined,
        brand: o.brand as string | undefined,
        categories: o.categories as string[] | undefined,
        price: typeof o.price === 'number' ? o.price : undefined,
        priceText: typeof o.price === 'string' ? o.price : undefined,
        ...(typeof o.attributes === 'object' && o.attributes !== null ? { attributes: o.attributes as Record<string, unknown> } : {}),
      });
    });
  return rows;
}
