import type { AttributeValue, ItemMatch, MerchandisingRules } from '../types.js';
import type { WireItem } from '../wire/wire.js';

/**
 * What rules may ask of this shopper's history (`purchased`, `inCart`). Undefined where there is
 * no history to read (the page's fallback): a match that asks then matches nothing.
 */
export interface ShopperFacts {
  purchased(id: string): boolean;
  inCart(id: string): boolean;
}

export interface RuledOrder {
  /** Candidate indices, best first, without the excluded ones. */
  order: number[];
  /** Per candidate index: pinned, or boosted up, by the rules. */
  promoted: boolean[];
  /** Candidate indices left out. */
  excluded: number[];
}

const norm = (s: string) => s.trim().toLowerCase();

function attributeMatches(item: WireItem, name: string, want: AttributeValue): boolean {
  const have = item.attrs?.find(([k]) => k === name)?.[1];
  if (have === undefined) return false;
  if (Array.isArray(want)) return Array.isArray(have) && want.every((w) => have.includes(w));
  if (Array.isArray(have)) return typeof want === 'string' && have.includes(want);
  return typeof have === 'string' && typeof want === 'string' ? norm(have) === norm(want) : have === want;
}

/** True when every field `m` gives matches `item`. */
export function itemMatches(item: WireItem, m: ItemMatch, facts: ShopperFacts | undefined): boolean {
  if (m.ids && !m.ids.includes(item.id)) return false;
  if (m.brand !== undefined && (item.brand === undefined || norm(item.brand) !== norm(m.brand))) return false;
  if (m.category !== undefined) {
    const want = norm(m.category);
    if (!(item.categories ?? []).some((c) => norm(c) === want)) return false;
  }
  if (m.attribute && !attributeMatches(item, m.attribute.name, m.attribute.value)) return false;
  if (m.purchased !== undefined && (!facts || facts.purchased(item.id) !== m.purchased)) return false;
  if (m.inCart !== undefined && (!facts || facts.inCart(item.id) !== m.inCart)) return false;
  return true;
}

/** Whether rules or rotation need the shopper's history (`ShopperFacts`). */
export function rulesReadHistory(rules: MerchandisingRules | undefined): boolean {
  const asks = (m: ItemMatch) => m.purchased !== undefined || m.inCart !== undefined;
  return !!rules && ((rules.exclude ?? []).some(asks) || (rules.boost ?? []).some((b) => asks(b.match)));
}

/**
 * Applies the shop's rules to an order of `items` (indices): drops the excluded, moves boosted
 * items by their weight in places (and `sink[i]` places down, rotation), then puts each pinned
 * item in its slot. Pure and history-free but for `facts`, so the page applies the same
 * function to its fallback order. Runs after every knob, so pins keep their slots whatever
 * exploration, diversity or privacy noise did.
 */
export function applyRules(items: readonly WireItem[], order: readonly number[], rules: MerchandisingRules | undefined, facts?: ShopperFacts, sink?: ArrayLike<number>): RuledOrder {
  const promoted = new Array<boolean>(items.length).fill(false);
  const excluded: number[] = [];
  const exclude = rules?.exclude ?? [];
  let kept = exclude.length === 0 ? order.slice() : order.filter((i) => !exclude.some((m) => itemMatches(items[i]!, m, facts)) || (excluded.push(i), false));
  const boosts = rules?.boost ?? [];
  if (boosts.length > 0 || sink) {
    // Key = place − weight (+ sink); ties go to the item that moved up, then to the earlier place.
    const keyed = kept.map((i, place) => {
      let w = 0;
      for (const b of boosts) if (itemMatches(items[i]!, b.match, facts)) w += b.weight;
      if (w > 0) promoted[i] = true;
      return { i, place, key: place - w + (sink ? sink[i]! : 0), w };
    });
    keyed.sort((a, b) => a.key - b.key || b.w - a.w || a.place - b.place);
    kept = keyed.map((k) => k.i);
  }
  const pins = rules?.pin ?? [];
  if (pins.length > 0) kept = placePins(items, kept, pins, promoted);
  return { order: kept, promoted, excluded };
}

function placePins(items: readonly WireItem[], order: number[], pins: ReadonlyArray<{ id: string; position: number }>, promoted: boolean[]): number[] {
  const at = new Map<string, number>();
  order.forEach((i, place) => at.has(items[i]!.id) || at.set(items[i]!.id, place));
  const slots = new Array<number | undefined>(order.length).fill(undefined); // no holes: lastIndexOf skips them
  const pinnedPlaces = new Set<number>();
  for (const pin of pins) {
    const place = at.get(pin.id);
    if (place === undefined || pinnedPlaces.has(place)) continue; // not in the list, or pinned already
    let slot = Math.min(pin.position, order.length - 1);
    while (slot < order.length && slots[slot] !== undefined) slot++;
    if (slot === order.length) slot = slots.lastIndexOf(undefined);
    slots[slot] = order[place]!;
    pinnedPlaces.add(place);
    promoted[order[place]!] = true;
  }
  let next = 0;
  order.forEach((i, place) => {
    if (pinnedPlaces.has(place)) return;
    while (slots[next] !== undefined) next++;
    slots[next] = i;
  });
  return slots as number[];
}

/** The reason a rule gives an item it placed. */
export const PROMOTED_REASON = { kind: 'promoted', text: 'promoted by the shop' } as const;
