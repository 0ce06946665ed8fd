/** One product (variant) of the feed, fields as text; `item-build.ts` turns it into an Item. */
export interface FeedRow {
  file: string;
  row?: number;
  line?: number;
  id: string | undefined;
  groupId?: string | undefined;
  title?: string | undefined;
  brand?: string | undefined;
  /** A path "A > B > C" (or a list, from JSON lines). */
  categories?: string | string[] | undefined;
  priceText?: string | undefined;
  /** Price already a number (JSON lines). */
  price?: number | undefined;
  availability?: string | undefined;
  variant?: string | undefined;
  /** Extra attributes (JSON lines only: a Hearth Item's `attributes`). */
  attributes?: Record<string, unknown>;
}
