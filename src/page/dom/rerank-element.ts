import type { Item, ItemMatch, RerankOptions } from '../../core/types.js';
import type { Hearth } from '../types.js';
import { debug } from '../../core/log.js';
import { ITEM_SELECTOR, readCardItem } from './card-item.js';

/** Containers Hearth reorders on load: `<ul data-hearth-rerank="category:tents">`. */
export const RERANK_SELECTOR = '[data-hearth-rerank]';

export interface RerankElementResult {
  /** True when at least one card moved. */
  reordered: boolean;
  /** True when Hearth kept the original order (no worker, time budget spent, bad card, page changed the list). */
  fallback: boolean;
}

/** Cards already placed by Hearth keep their place in later calls (infinite scroll). */
const placed = new WeakSet<Element>();

/**
 * Reorders the item children (`data-hearth-item`, or wrappers holding one) of `container` for this shopper, in place:
 * the same elements, moved with `insertBefore` in one synchronous batch with no layout
 * reads in between, so the browser lays out once. Other children (banners, headings) keep
 * their slots. Cards placed by an earlier call stay where they are; only new ones are ranked,
 * among the slots they occupy. On any failure the container is left exactly as it was, and a
 * `hearth:rerank` event (bubbling, `detail: RerankElementResult`) tells the page what happened.
 */
export async function rerankElement(hearth: Hearth, container: Element, timeoutMs?: number): Promise<RerankElementResult> {
  let result: RerankElementResult = { reordered: false, fallback: true };
  try {
    result = await reorder(hearth, container, timeoutMs);
  } catch (err) {
    debug(`list ${listName(container)} left as it was: ${(err as Error | undefined)?.message ?? String(err)}`);
  }
  try {
    const win = container.ownerDocument.defaultView;
    if (win) container.dispatchEvent(new win.CustomEvent('hearth:rerank', { bubbles: true, detail: result }));
  } catch (err) {
    debug('hearth:rerank event not sent', err);
  }
  return result;
}

async function reorder(hearth: Hearth, container: Element, timeoutMs: number | undefined): Promise<RerankElementResult> {
  const before = Array.from(container.children);
  const slots: number[] = [];
  const byItem = new Map<Item, Element>();
  const items: Item[] = [];
  const pins: Array<{ id: string; position: number }> = [];
  before.forEach((el, i) => {
    const card = cardOf(el);
    if (!card || placed.has(el)) return;
    const item = readCardItem(card);
    // One unreadable card would leave a hole in the ranking: the whole list keeps its order.
    if (!item) throw new Error(`card ${i} of the list has no item id`);
    const pin = card.getAttribute('data-hearth-pin');
    if (pin !== null) pins.push({ id: item.id, position: pin.trim() === '' ? NaN : Number(pin) });
    slots.push(i);
    byItem.set(item, el);
    items.push(item);
  });
  const fresh = Array.from(byItem.values());
  const options = rerankOptions(container, timeoutMs, pins);
  if (items.length < 2 && !options.rules) {
    fresh.forEach((el) => placed.add(el));
    return { reordered: false, fallback: false };
  }
  const ranked = await hearth.rank(items, options);
  // Without rules a fallback is the shop's order as it stands; with them, that order ruled.
  if (ranked.fallback && !options.rules) return { reordered: false, fallback: true };
  // The shop's own code may have re-rendered the list while we waited: its version wins.
  const now = Array.from(container.children);
  if (now.length !== before.length || now.some((el, i) => el !== before[i])) {
    debug(`list ${listName(container)} kept as the page re-rendered it while Hearth ranked`);
    return { reordered: false, fallback: true };
  }

  const desired = before.slice();
  const shown = new Set<Element>();
  ranked.items.forEach((item, k) => {
    const el = byItem.get(item)!;
    shown.add(el);
    desired[slots[k]!] = el;
  });
  // Excluded cards are hidden, in the slots left over after the ranked ones.
  const hidden = fresh.filter((el) => !shown.has(el));
  hidden.forEach((el, k) => {
    el.setAttribute('hidden', '');
    desired[slots[ranked.items.length + k]!] = el;
  });
  const moved = applyOrder(container, desired);
  fresh.forEach((el) => placed.add(el));
  return { reordered: moved > 0 || hidden.length > 0, fallback: ranked.fallback };
}

/** How a debug line names a list: its list id, else its element id. */
function listName(container: Element): string {
  return JSON.stringify(container.getAttribute('data-hearth-rerank') || container.id || container.tagName.toLowerCase());
}

/**
 * The list's options: its id (`data-hearth-rerank="category:tents"`) and, as attributes of the
 * container, `data-hearth-exploration`, `data-hearth-diversity`, `data-hearth-privacy-noise`
 * (0–1, see `RerankOptions`), `data-hearth-exclude` (a JSON list of `ItemMatch`: those cards are
 * hidden), and each card's `data-hearth-pin="3"` (its 0-based slot among the list's cards). An
 * invalid value makes the rank call reject: the list stays as it is.
 */
function rerankOptions(container: Element, timeoutMs: number | undefined, pin: Array<{ id: string; position: number }>): RerankOptions {
  const options: RerankOptions = {};
  const listId = container.getAttribute('data-hearth-rerank');
  if (listId) options.listId = listId;
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  const num = (name: string) => {
    const v = container.getAttribute(`data-hearth-${name}`);
    return v === null ? undefined : Number(v);
  };
  const exploration = num('exploration');
  if (exploration !== undefined) options.exploration = exploration;
  const diversity = num('diversity');
  if (diversity !== undefined) options.diversity = diversity;
  const privacyNoise = num('privacy-noise');
  if (privacyNoise !== undefined) options.privacyNoise = privacyNoise;
  const exclude = container.getAttribute('data-hearth-exclude');
  // Invalid JSON stays a string, which validation rejects naming options.rules.exclude.
  if (exclude !== null) options.rules = { exclude: parseJson(exclude) as ItemMatch[] };
  if (pin.length > 0) options.rules = { ...options.rules, pin };
  return options;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The card a child of the list stands for: the child itself, or the one card inside a wrapper
 * (`<div class="col"><article data-hearth-item>`), which then moves with its card.
 */
function cardOf(child: Element): Element | undefined {
  if (child.matches(ITEM_SELECTOR)) return child;
  const inner = child.querySelectorAll(ITEM_SELECTOR);
  return inner.length === 1 ? inner[0] : undefined;
}

/** Moves children into `desired` order with the fewest simple moves; no reads of layout. */
function applyOrder(container: Element, desired: Element[]): number {
  // Moving a node blurs whatever had focus inside it; a keyboard user keeps their place.
  const active = container.ownerDocument.activeElement as HTMLElement | null;
  const refocus = active && active !== container && container.contains(active) ? active : null;
  let moved = 0;
  let cursor = container.firstElementChild;
  for (const el of desired) {
    if (el === cursor) {
      cursor = cursor.nextElementSibling;
      continue;
    }
    container.insertBefore(el, cursor);
    moved++;
  }
  try {
    if (refocus && refocus.ownerDocument.activeElement !== refocus) refocus.focus({ preventScroll: true });
  } catch (err) {
    debug('focus not restored', err);
  }
  return moved;
}
