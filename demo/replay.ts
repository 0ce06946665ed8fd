import { createHearth, type Hearth, type Item } from 'hearth-sdk';
import { beautyItem, type BeautySlice } from './beauty.js';
import { WORKER_URL } from './state.js';

/**
 * The replay of real shoppers, measured live with the real SDK: for each shopper of the slice, their
 * items but the last are tracked (one a minute, ending now, as the benchmarks replay them), then the
 * list of their last item and 99 items they never touched is ranked by each order, and we note where
 * the last item landed. The shopper's next item never depends on any order shown.
 */
export type OrderKey = 'bestsellers' | 'zero' | 'trained';
export const ORDERS: Array<{ key: OrderKey; name: string }> = [
  { key: 'bestsellers', name: 'Bestsellers first (the shop’s usual order)' },
  { key: 'zero', name: 'Hearth, no training (works on day one)' },
  { key: 'trained', name: 'Hearth with the shop’s trained model' },
];

/** 1-based position of each shopper's next item in each order, in shopper order. */
export type Positions = Record<OrderKey, number[]>;

/** Site-trained weights as the demo serves them (public/hearth-model, made by tools/demo/demo-model.ts). */
export const MODEL_URL = '/hearth-model/model.json';
/** At most this many past items are tracked per shopper (the trained model attends over 50). */
const HISTORY = 50;

export interface ReplayRun { positions: Positions; fallbacks: number; shoppers: number }

/** The two Hearth instances of the replay, each in its own database: the visitor's own history is never touched. */
let zeroEngine: Hearth | undefined;
let trainedEngine: Hearth | undefined;
function replayEngines(withModel: boolean): { zero: Hearth; trained?: Hearth } {
  zeroEngine ??= createHearth({ dbName: 'hearth-demo-replay-zero', workerUrl: WORKER_URL, timeoutMs: 30_000 });
  if (withModel) trainedEngine ??= createHearth({ dbName: 'hearth-demo-replay-trained', workerUrl: WORKER_URL, timeoutMs: 30_000, modelUrl: MODEL_URL });
  return { zero: zeroEngine, ...(withModel && trainedEngine ? { trained: trainedEngine } : {}) };
}

/** The shop's bestseller order of a list: most bought first, ties by item number. */
export function bestsellerOrder(s: BeautySlice, ids: number[]): number[] {
  return [...ids].sort((a, b) => (s.items[String(b)]?.p ?? 0) - (s.items[String(a)]?.p ?? 0) || a - b);
}

/** Replaces `hearth`'s history with `items` and returns where `target` lands in its order of `list`. */
async function positionIn(hearth: Hearth, items: Item[], list: Item[], target: string): Promise<{ pos: number; fallback: boolean }> {
  await hearth.forget({ all: true });
  const now = Date.now(), n = items.length;
  await Promise.all(items.map((item, i) => hearth.track({ type: 'click', item, at: now - (n - i) * 60_000 })));
  const ranked = await hearth.rank(list, { listId: 'beauty-replay' });
  return { pos: ranked.items.findIndex((x) => x.id === target) + 1, fallback: ranked.fallback };
}

/** Replays every shopper of the slice; `onStep` after each, `stop()` ends it early (the figures so far stand). */
export async function replayAll(s: BeautySlice, onStep: (run: ReplayRun) => void, stop: () => boolean): Promise<ReplayRun> {
  const { zero, trained } = replayEngines(s.trainedModel === true);
  const run: ReplayRun = { positions: { bestsellers: [], zero: [], trained: [] }, fallbacks: 0, shoppers: s.shoppers.length };
  for (const shopper of s.shoppers) {
    if (stop()) break;
    const target = shopper.items.at(-1)!;
    const history = shopper.items.slice(0, -1).slice(-HISTORY).map((id) => beautyItem(s, id));
    const shopList = bestsellerOrder(s, [target, ...shopper.negatives]);
    const list = shopList.map((id) => beautyItem(s, id));
    const [z, t] = await Promise.all([positionIn(zero, history, list, String(target)), trained && positionIn(trained, history, list, String(target))]);
    run.positions.bestsellers.push(shopList.indexOf(target) + 1);
    run.positions.zero.push(z.pos);
    if (t) run.positions.trained.push(t.pos);
    run.fallbacks += Number(z.fallback) + Number(t?.fallback ?? false);
    onStep(run);
  }
  return run;
}

/** The served model's version, when the slice says the demo serves one (else the trained engine would quietly rank without it). */
export async function modelServed(s: BeautySlice): Promise<{ ok: boolean; version?: string }> {
  if (!s.trainedModel) return { ok: false };
  try {
    const res = await fetch(MODEL_URL, { cache: 'no-store' });
    if (!res.ok) return { ok: false };
    const m = (await res.json()) as { version?: string };
    return { ok: true, ...(m.version ? { version: m.version } : {}) };
  } catch {
    return { ok: false };
  }
}
