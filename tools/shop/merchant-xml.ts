import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { FeedRow } from './feed-row.js';

/**
 * A Merchant Center RSS 2.0 (or Atom) feed: each `<item>`/`<entry>` with `g:`-prefixed fields.
 * DuckDB has no XML reader, and the feed is a flat list of text fields, so a small scan suffices:
 * CDATA and the five XML entities are decoded, nested markup is not expected.
 */
export function readMerchantXml(file: string): FeedRow[] {
  const buf = readFileSync(file);
  const text = (buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf).toString('utf8');
  const rows: FeedRow[] = [];
  const itemRe = /<(item|entry)\b[^>]*>([\s\S]*?)<\/\1>/g;
  for (const m of text.matchAll(itemRe)) {
    const line = text.slice(0, m.index).split('\n').length;
    const fields = new Map<string, string>();
    for (const f of m[2]!.matchAll(/<(?:g:)?([\w]+)\b[^>]*>([\s\S]*?)<\/(?:g:)?\1>/g)) {
      if (!fields.has(f[1]!)) fields.set(f[1]!, decode(f[2]!));
    }
    rows.push({
      file,
      line,
      id: fields.get('id'),
      groupId: fields.get('item_group_id'),
      title: fields.get('title'),
      brand: fields.get('brand'),
      categories: fields.get('product_type') || fields.get('google_product_category'),
      priceText: fields.get('price'),
      availability: fields.get('availability'),
    });
  }
  return rows;
}

function decode(s: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(s);
  if (cdata) return cdata[1]!.trim();
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .trim();
}
