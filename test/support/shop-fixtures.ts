/**
 * Shop-data fixtures written at test time: a GA4 BigQuery export (NDJSON, gzip, Parquet), Segment
 * warehouse tables, a Shopify orders export, and product feeds (Merchant TSV/XML, Shopify
 * products CSV, Hearth Item JSON lines). Every writer takes a directory, defaults to a tiny shop
 * with clear tastes, returns the path(s) it wrote, and can carry `malformed` defects.
 */
export {
  DEFAULT_ITEMS,
  DEFAULT_SHOPPERS,
  expectedSequences,
  interactionAt,
  type FixtureAction,
  type FixtureInteraction,
  type FixtureItem,
  type FixtureShopper,
  type Malformed,
} from './shop-fixture-shop.js';
export { ga4Events, writeGa4Export, type Ga4Options } from './shop-fixture-ga4.js';
export { SEGMENT_TABLES, writeSegmentTables, writeShopifyOrders, type SegmentTable, type TableOptions } from './shop-fixture-segment.js';
export { writeItemsJsonl, writeMerchantFeed, writeShopifyProducts, type FeedOptions } from './shop-fixture-feeds.js';
export { GA4_COLUMNS } from '../../tools/shop/research-to-ga4.js';
