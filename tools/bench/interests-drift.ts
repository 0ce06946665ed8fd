/**
 * A drifting shopper: a skincare fan (weeks of skincare views, clicks and a purchase) who
 * today starts clicking makeup. After each of today's makeup clicks, an even list of unseen
 * skincare and makeup items is reranked; the figure is the share of makeup in the top 10
 * (what the shopper is after now) and the place of the first makeup item, under several
 * settings of time decay and session boost.
 */
import { candidateItems } from '../../src/core/wire/validate.js';
import type { WireEvent, WireItem } from '../../src/core/wire/wire.js';
import { createEngine } from '../../src/core/engine/engine.js';
import { createMemoryStore } from '../../src/core/store/memory-store.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { createJsScorer } from '../../src/core/score/score-js.js';
import { mulberry32 } from '../eval/random.js';
import type { ModelParams } from '../../src/core/model/model-types.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 12);
const WORDS = { Skincare: ['serum', 'cream', 'cleanser', 'toner', 'mask', 'spf'], Makeup: ['lipstick', 'mascara', 'foundation', 'blush', 'eyeliner', 'palette'] };

function catalogue(rnd: () => number): Record<'Skincare' | 'Makeup', WireItem[]> {
  const make = (cat: 'Skincare' | 'Makeup') =>
    candidateItems(
      Array.from({ length: 80 }, (_, i) => {
        const w = WORDS[cat][Math.floor(rnd() * 6)]!;
        // Brands overlap across the two: a shopper's brand carries over from skincare to makeup.
        return { id: `${cat}-${i}`, title: `${w} ${['daily', 'rich', 'light', 'pro'][Math.floor(rnd() * 4)]} ${i}`, brand: `Brand${Math.floor(rnd() * 8)}`, categories: ['Beauty', cat], price: Math.round(8 + rnd() * 60) };
      }),
    );
  return { Skincare: make('Skincare'), Makeup: make('Makeup') };
}

export const DRIFT_SETTINGS: Array<{ name: string; params: Partial<ModelParams> }> = [
  { name: 'no decay, no session boost', params: { halfLifeHours: 1e9, orderDecay: 1, sessionBoost: 1 } },
  { name: 'time decay only (half-life 14 d)', params: { orderDecay: 1, sessionBoost: 1 } },
  { name: 'time + order decay (defaults before this issue)', params: { sessionBoost: 1 } },
  { name: '+ session boost 2', params: { sessionBoost: 2 } },
  { name: '+ session boost 3', params: { sessionBoost: 3 } },
  { name: 'defaults: + session boost 4', params: {} },
  { name: '+ session boost 8', params: { sessionBoost: 8 } },
];

/** Per number of today's makeup clicks (1…clicks), averaged over shoppers: makeup share of the top 10, and the 1-based place of the first makeup item. */
export async function drift(shoppers: number, clicks: number): Promise<Array<{ name: string; share: number[]; firstMakeup: number[] }>> {
  const out = DRIFT_SETTINGS.map((s) => ({ name: s.name, share: new Array<number>(clicks).fill(0), firstMakeup: new Array<number>(clicks).fill(0) }));
  for (let u = 0; u < shoppers; u++) {
    const rnd = mulberry32(900 + u);
    const cat = catalogue(rnd);
    const pick = (list: WireItem[]) => list[Math.floor(rnd() * list.length)]!;
    // Three weeks of skincare: 30 events, views and clicks, a cart and a purchase, spread over days.
    const past: WireEvent[] = [];
    for (let k = 0; k < 30; k++) {
      const type = k === 10 ? 'purchase' : k % 7 === 3 ? 'add_to_cart' : k % 2 ? 'click' : 'view';
      past.push({ type, item: pick(cat.Skincare.slice(0, 40)), at: NOW - (21 - (k * 20) / 30) * DAY });
    }
    const today = Array.from({ length: clicks }, (_, k): WireEvent => ({ type: 'click', item: cat.Makeup[k]!, at: NOW - (clicks - k) * 60_000 }));
    const list = [...cat.Skincare.slice(40), ...cat.Makeup.slice(40)];
    for (let s = 0; s < DRIFT_SETTINGS.length; s++) {
      const engine = await createEngine({ store: createMemoryStore(), model: createDefaultModel(DRIFT_SETTINGS[s]!.params), scorer: createJsScorer(), now: () => NOW });
      await engine.track(past);
      for (let k = 0; k < clicks; k++) {
        await engine.track([today[k]!]);
        const { order } = await engine.rank(list);
        out[s]!.share[k]! += order.slice(0, 10).filter((i) => i >= 40).length / 10 / shoppers;
        out[s]!.firstMakeup[k]! += (order.findIndex((i) => i >= 40) + 1) / shoppers;
      }
      await engine.close();
    }
  }
  return out;
}
