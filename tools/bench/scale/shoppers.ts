import type { Ga4EventInput, Ga4ItemInput } from '../../shop/research-to-ga4.js';
import { BRANDS_PER_SUB, subRange, type ScaleCatalog } from './catalog.js';
import { pickCumulative, streamRandom } from './random.js';

/**
 * One synthetic shopper's GA4 events. A shopper has one to three tastes (a sub-category, drawn
 * by popularity, and one of its brands) and a few visits. Each visit: page_view, a
 * view_item_list of LIST_SIZE impressions (half from the tastes, half popular), then steps: an
 * item from the list (select_item), the partner of the previous step ("went on to"), a taste's
 * item or a popular one; each step is a view_item, some go on to add_to_cart and purchase.
 */
export const BASE_MS = Date.UTC(2026, 9, 1);
const DAY_MS = 86_400_000;
export const LIST_SIZE = 8;
export const P_PARTNER = 0.3;
const P_FROM_LIST = 0.5;
const P_TASTE = 0.75;
const P_BRAND = 0.6;
const P_CART = 0.3;
const P_BUY = 0.4;

interface Taste {
  sub: number;
  slot: number;
}

export function shopperId(seed: number, u: number): string {
  return `s${seed}-${u}`;
}

export function itemInput(c: ScaleCatalog, i: number): Ga4ItemInput {
  return { id: c.ids[i]!, name: c.titles[i]!, brand: c.brandNames[c.brandOf[i]!]!, categories: c.path[c.subOf[i]!]!, price: c.prices[i]! };
}

export function shopperEvents(c: ScaleCatalog, seed: number, u: number): Ga4EventInput[] {
  const rnd = streamRandom(seed, 1, u);
  const popular = () => pickCumulative(c.cum, rnd());
  const tastes: Taste[] = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({ sub: c.subOf[popular()]!, slot: Math.floor(rnd() * BRANDS_PER_SUB) }));
  const fromTaste = () => {
    const t = tastes[Math.floor(rnd() * tastes.length)]!;
    const [lo, hi] = subRange(c, t.sub, rnd() < P_BRAND ? t.slot : undefined);
    return pickCumulative(c.cum, rnd(), lo, hi);
  };
  let sessions = 1;
  while (sessions < 8 && rnd() < 0.55) sessions++;
  const out: Ga4EventInput[] = [];
  const pseudoId = shopperId(seed, u);
  let at = BASE_MS + Math.floor(rnd() * 60 * DAY_MS);
  let prev = -1;
  for (let k = 0; k < sessions; k++) {
    const sessionId = Math.floor(at / 1000);
    const ev = (name: string, extra: Partial<Ga4EventInput> = {}): void => {
      at += 5_000 + Math.floor(rnd() * 60_000);
      out.push({ name, atMs: at, pseudoId, sessionId, ...extra });
    };
    ev('page_view');
    const list = Array.from({ length: LIST_SIZE }, (_, j) => (j % 2 === 0 ? fromTaste() : popular()));
    ev('view_item_list', { items: list.map((i, j) => ({ ...itemInput(c, i), listId: 'home_recs', listIndex: j })) });
    let steps = 1;
    while (steps < 5 && rnd() < 0.45) steps++;
    for (let s = 0; s < steps; s++) {
      const fromList = s === 0 && rnd() < P_FROM_LIST;
      const item = fromList ? list[Math.floor(rnd() * LIST_SIZE)]! : prev >= 0 && rnd() < P_PARTNER ? c.partner[prev]! : rnd() < P_TASTE ? fromTaste() : popular();
      const it = itemInput(c, item);
      if (fromList) ev('select_item', { items: [{ ...it, listId: 'home_recs', listIndex: list.indexOf(item) }] });
      ev('view_item', { items: [it] });
      if (rnd() < P_CART) {
        ev('add_to_cart', { items: [{ ...it, quantity: 1 }] });
        if (rnd() < P_BUY) ev('purchase', { items: [{ ...it, quantity: 1 }], transactionId: `T${u}-${k}-${s}` });
      }
      prev = item;
    }
    at += Math.floor(-Math.log(1 - rnd()) * 2 * DAY_MS);
  }
  return out;
}
