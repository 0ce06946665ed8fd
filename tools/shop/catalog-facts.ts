import type { WireItem } from '../../src/core/wire/wire.js';

export interface CatalogFacts {
  feedRows: number;
  feedItems: number;
  /** Items shoppers engaged with that the feed lacks (they carry the events' fields). */
  eventOnlyItems: number;
  /** Share of the distinct items in shoppers' steps that the feed has. */
  steppedInFeed: number;
  /** Share of steps on items the feed has. */
  stepsInFeed: number;
  /** Share of feed items with each page-side field set. */
  filled: Record<'title' | 'brand' | 'categories' | 'price', number>;
}

const LOW = 0.5;
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

/**
 * How well the feed and the events fit together. Feed items come first in the dataset's item
 * list, so an index below `feedItems.length` is a feed item.
 */
export function catalogFacts(o: { feedRows: number; feedItems: WireItem[]; eventOnly: number; steps: Int32Array[]; hasFeed: boolean }): { facts: CatalogFacts; warnings: string[] } {
  const n = o.feedItems.length;
  const stepped = new Set<number>();
  let steps = 0;
  let inFeed = 0;
  for (const seq of o.steps) {
    for (const i of seq) {
      stepped.add(i);
      steps++;
      if (i < n) inFeed++;
    }
  }
  const steppedInFeed = stepped.size ? [...stepped].filter((i) => i < n).length / stepped.size : 0;
  const share = (f: (i: WireItem) => boolean) => (n ? o.feedItems.filter(f).length / n : 0);
  const filled = {
    title: share((i) => !!i.title),
    brand: share((i) => !!i.brand),
    categories: share((i) => !!i.categories?.length),
    price: share((i) => i.price !== undefined),
  };
  const warnings: string[] = [];
  if (o.hasFeed && steppedInFeed < LOW) {
    warnings.push(`only ${pct(steppedInFeed)} of the items shoppers engaged with are in the feed: the events' item ids and the feed's ids barely overlap (GA4 item_id, Segment product_id or sku, Shopify Lineitem sku against the feed's id, or item_group_id with --id-key group). The page must send the same ids.`);
  }
  if (o.hasFeed && n > 0) {
    for (const [field, f] of Object.entries(filled)) {
      if (f < LOW) warnings.push(`the feed's ${field} is empty on ${pct(1 - f)} of its items: those items match page items on their other fields only`);
    }
  }
  return { facts: { feedRows: o.feedRows, feedItems: n, eventOnlyItems: o.eventOnly, steppedInFeed, stepsInFeed: steps ? inFeed / steps : 0, filled }, warnings };
}
