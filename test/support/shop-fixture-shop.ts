/**
 * The shop behind the shop-data fixtures: items, shoppers (sessions of item interactions) and the
 * clock that turns them into timed events. Plain data, no randomness: every writer emits the same
 * files for the same input, so tests can state exact counts.
 */

export interface FixtureItem {
  id: string;
  title: string;
  brand: string;
  /** Broad to narrow: a Merchant feed product_type "A > B > C". */
  categories: string[];
  price: number;
  /** Variants of one product share it (Merchant item_group_id, Shopify Handle). */
  group?: string;
  variant?: string;
}

/** An interaction's strongest action; writers emit the funnel up to it (purchase: view, cart, buy). */
export type FixtureAction = 'impression' | 'click' | 'view' | 'add_to_cart' | 'purchase';

export interface FixtureInteraction {
  item: string;
  action: FixtureAction;
}

export interface FixtureShopper {
  /** The anonymous id (GA4 user_pseudo_id, Segment anonymous_id). */
  id: string;
  /** Logged-in id, when the shop has one (GA4 user_id, Segment user_id). */
  userId?: string;
  /** Shopify orders key a shopper by email. */
  email?: string;
  /** Visits, oldest first; each a list of interactions in order. */
  sessions: FixtureInteraction[][];
}

/** Defects for error tests; each writer applies those its format can carry and throws on the rest. */
export interface Malformed {
  /** A price "abc" in the first row that has a price. */
  badPrice?: boolean;
  /** One extra event row with no shopper id at all. */
  noUserId?: boolean;
  /** The last line cut in the middle (JSON, CSV or XML). */
  truncatedLine?: boolean;
  /** Drop this column (or XML element) from every row. */
  missingColumn?: string;
}

export const BASE_MS = Date.UTC(2024, 2, 1, 9);
export const DAY_MS = 86_400_000;

/** When interaction j of session k of shopper s starts: sessions a day apart, interactions a minute apart. */
export const interactionAt = (s: number, k: number, j: number): number => BASE_MS + k * DAY_MS + s * 600_000 + j * 60_000;

const BRANDS = ['Hoka', 'Salomon', 'Patagonia', "Arc'teryx"] as const;
const KINDS: [string, string[], number][] = [
  ['Road shoe', ['Shoes', 'Running', 'Road'], 139.95],
  ['Trail shoe', ['Shoes', 'Running', 'Trail'], 149.5],
  ['Rain jacket', ['Clothing', 'Jackets', 'Shell'], 249],
  ['Base layer, merino', ['Clothing', 'Base layers'], 89.99],
  ['Trail 5" shorts', ['Clothing', 'Shorts'], 55],
];

/** 24 items: 4 brands × 5 kinds, and each jacket in two sizes (SKU-b3, SKU-b3L) that share a group. */
export const DEFAULT_ITEMS: FixtureItem[] = BRANDS.flatMap((brand, b) =>
  KINDS.flatMap(([kind, categories, price], k): FixtureItem[] => {
    const item: FixtureItem = { id: `SKU-${b + 1}${k + 1}`, title: `${brand} ${kind}`, brand, categories, price: price + b };
    if (k !== 2) return [item];
    const group = `GRP-${b + 1}3`;
    return [{ ...item, group, variant: 'M' }, { ...item, id: `${item.id}L`, group, variant: 'L' }];
  }),
);

const ids = (brand: number, kinds: number[]) => kinds.map((k) => `SKU-${brand + 1}${k + 1}`);
const visit = (items: string[], strongest: FixtureAction): FixtureInteraction[] =>
  items.map((item, i) => ({ item, action: i === items.length - 1 ? strongest : 'view' }));

/**
 * 10 shoppers with clear tastes: shoppers 0–3 each stay with one brand, 4–6 with running shoes of
 * any brand, 7–9 with jackets and base layers. Each first sees a list (impressions of another
 * taste), then views, carts and buys over three visits. Shoppers 2, 5 and 8 are logged in.
 */
export const DEFAULT_SHOPPERS: FixtureShopper[] = Array.from({ length: 10 }, (_, s): FixtureShopper => {
  const pool = s < 4 ? ids(s, [0, 1, 2, 3, 4]) : s < 7 ? [0, 1, 2, 3].flatMap((b) => ids((b + s) % 4, [0, 1])) : [0, 1, 2, 3].flatMap((b) => ids((b + s) % 4, [2, 3]));
  const other = s < 4 ? ids((s + 1) % 4, [4]) : s < 7 ? ids(s % 4, [2]) : ids(s % 4, [0]);
  const shopper: FixtureShopper = {
    id: `${1000 + s}.1709283600`,
    email: `shopper${s}@example.com`,
    sessions: [
      [{ item: other[0]!, action: 'impression' }, ...visit(pool.slice(0, 2), 'click')],
      visit(pool.slice(2, 4), 'add_to_cart'),
      visit(pool.slice(4, 6), 'purchase'),
    ],
  };
  return s % 3 === 2 ? { ...shopper, userId: `u-${s}` } : shopper;
});

/** One timed interaction of a shopper, as all writers walk them. */
export interface TimedInteraction extends FixtureInteraction {
  shopper: FixtureShopper;
  s: number;
  session: number;
  /** The visit's start, epoch ms: its GA4 ga_session_id is this in seconds. */
  sessionStart: number;
  at: number;
}

export function* timeline(shoppers: FixtureShopper[]): Generator<TimedInteraction> {
  for (const [s, shopper] of shoppers.entries()) {
    for (const [k, session] of shopper.sessions.entries()) {
      for (const [j, it] of session.entries()) yield { ...it, shopper, s, session: k, sessionStart: interactionAt(s, k, 0), at: interactionAt(s, k, j) };
    }
  }
}

const RANK: Record<FixtureAction, number> = { impression: 0, view: 1, click: 2, add_to_cart: 3, purchase: 4 };

/**
 * The sequence each shopper should come out as (key: user id when set, else the anonymous id):
 * one step per item per visit at its first engagement, impressions never. `onlyAtLeast` keeps the
 * steps whose strongest action reaches it (Shopify orders hold purchases only).
 */
export function expectedSequences(shoppers: FixtureShopper[] = DEFAULT_SHOPPERS, onlyAtLeast: FixtureAction = 'view'): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const shopper of shoppers) {
    const steps: string[] = [];
    for (const session of shopper.sessions) {
      const seen = new Set<string>();
      for (const it of session) {
        if (RANK[it.action] < Math.max(1, RANK[onlyAtLeast]) || seen.has(it.item)) continue;
        seen.add(it.item);
        steps.push(it.item);
      }
    }
    if (steps.length) out.set(shopper.userId ?? shopper.id, steps);
  }
  return out;
}

export function itemById(items: FixtureItem[]): (id: string) => FixtureItem {
  const map = new Map(items.map((it) => [it.id, it]));
  return (id) => {
    const it = map.get(id);
    if (!it) throw new Error(`fixture item '${id}' is not in the fixture catalogue`);
    return it;
  };
}

/** A CSV (or, with '\t', TSV) field quoted when it holds the separator, a quote or a line break. */
export function csvLine(fields: (string | number | null | undefined)[], sep = ','): string {
  return fields
    .map((f) => {
      const s = f === null || f === undefined ? '' : String(f);
      return sep === ',' && /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    })
    .join(sep);
}

/** A table as lines, less a missing column, the last line cut when asked. */
export function tableText(head: string[], rows: (string | number | null | undefined)[][], bad: Malformed, sep = ','): string {
  const keep = head.map((h) => h !== bad.missingColumn);
  const pick = <T>(r: T[]) => r.filter((_, i) => keep[i]);
  const lines = [csvLine(pick(head), sep), ...rows.map((r) => csvLine(pick(r), sep))];
  if (bad.truncatedLine) lines[lines.length - 1] = cut(lines[lines.length - 1]!);
  return lines.join('\n') + (bad.truncatedLine ? '' : '\n');
}

/** A line cut a little past its middle: a truncated write. */
export const cut = (line: string): string => line.slice(0, Math.ceil(line.length * 0.6));
