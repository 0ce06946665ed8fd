/**
 * Simulated shoppers with hidden tastes, replayed through the real engine: each interaction the
 * shop shows a category list, the engine reranks it, the shopper sees the top of it (tracked as
 * impressions) and clicks what they like best there (position-biased, noisy), sometimes carts
 * and buys. "learning" trains the on-device learner between interactions (its own pairs, its
 * 5 ms steps, run to rest: a shopper takes seconds between pages); "frozen" is the same engine
 * with u held at 0. Metric: where the engine put the item this shopper likes most in the list
 * (their next click under full information), before they interact with it.
 */
import type { WireEvent, WireItem } from '../../src/core/wire/wire.js';
import { candidateItems } from '../../src/core/wire/validate.js';
import { createWorkerEngine, type WorkerEngine } from '../../src/core/engine/engine.js';
import { createMemoryStore } from '../../src/core/store/memory-store.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { createJsScorer } from '../../src/core/score/score-js.js';
import { mulberry32 } from '../eval/random.js';
import { createLearner, type LearnerOptions } from '../../src/core/learn/learner.js';
import { buildPairs } from '../../src/core/learn/pairs.js';
import { STEP_BUDGET_MS } from '../../src/worker/learn-loop.js';

const CATEGORIES = ['Skincare', 'Makeup', 'Hair', 'Fragrance', 'Bath', 'Nails'];
const COLOURS = ['red', 'pink', 'nude', 'black', 'white', 'gold', 'blue', 'green'];
const FINISH = ['matte', 'gloss', 'satin', 'sheer'];
const BRANDS_PER_CAT = 5;
const LIST = 24;
const SEEN = 8;
export const START = Date.UTC(2026, 10, 1);

export interface SimItem {
  item: WireItem;
  cat: number;
  brand: number;
  colour: number;
  finish: number;
  logPrice: number;
}

export function makeCatalogue(perCategory = 100, seed = 7): SimItem[] {
  const rnd = mulberry32(seed);
  const out: SimItem[] = [];
  for (let c = 0; c < CATEGORIES.length; c++) {
    for (let k = 0; k < perCategory; k++) {
      const brand = c * BRANDS_PER_CAT + Math.floor(rnd() * BRANDS_PER_CAT);
      const colour = Math.floor(rnd() * COLOURS.length);
      const finish = Math.floor(rnd() * FINISH.length);
      const logPrice = Math.log(5) + rnd() * Math.log(20); // 5 … 100
      const raw = {
        id: `${CATEGORIES[c]!.toLowerCase()}-${k}`,
        title: `${COLOURS[colour]} ${FINISH[finish]} ${CATEGORIES[c]!.toLowerCase()} no ${k}`,
        brand: `Brand${brand}`,
        categories: ['Beauty', CATEGORIES[c]!],
        price: Math.round(Math.exp(logPrice)),
      };
      out.push({ item: candidateItems([raw])[0]!, cat: c, brand, colour, finish, logPrice });
    }
  }
  return out;
}

interface Taste {
  cat: Float64Array;
  brand: Float64Array;
  colour: Float64Array;
  finish: Float64Array;
  idealLogPrice: number;
  own: (i: number) => number;
}

function makeTaste(rnd: () => number): Taste {
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const vec = (n: number, s: number) => Float64Array.from({ length: n }, () => s * gauss());
  const ownSeed = Math.floor(rnd() * 2 ** 31);
  return {
    cat: vec(CATEGORIES.length, 0.5),
    brand: vec(CATEGORIES.length * BRANDS_PER_CAT, 0.8),
    colour: vec(COLOURS.length, 1),
    finish: vec(FINISH.length, 0.6),
    idealLogPrice: Math.log(5) + rnd() * Math.log(20),
    // Idiosyncratic liking of single items, fixed per shopper.
    own: (i) => 0.4 * (mulberry32(ownSeed ^ Math.imul(i + 1, 0x9e3779b1))() - 0.5),
  };
}

const utility = (t: Taste, s: SimItem, i: number) => t.cat[s.cat]! + t.brand[s.brand]! + t.colour[s.colour]! + t.finish[s.finish]! - 0.8 * Math.abs(s.logPrice - t.idealLogPrice) + t.own(i);

export interface SimResult {
  /** Per interaction index: summed reciprocal rank and hits@k of the favourite, over shoppers. */
  rr: Float64Array;
  hit1: Float64Array;
  hit5: Float64Array;
  shoppers: number;
  /** Wall time of each learner step, and the CPU time this process spent in it (the difference is pre-emption). */
  stepMs: number[];
  stepCpuMs: number[];
  pairsPerStep: number[];
}

export async function simulate(cat: SimItem[], options: { shoppers: number; interactions: number; learn: boolean; seed?: number; learner?: LearnerOptions }): Promise<SimResult> {
  const T = options.interactions;
  const res: SimResult = { rr: new Float64Array(T), hit1: new Float64Array(T), hit5: new Float64Array(T), shoppers: options.shoppers, stepMs: [], stepCpuMs: [], pairsPerStep: [] };
  const byCat = CATEGORIES.map((_, c) => cat.map((s, i) => (s.cat === c ? i : -1)).filter((i) => i >= 0));
  for (let u = 0; u < options.shoppers; u++) {
    const rnd = mulberry32((options.seed ?? 1) * 1_000_003 + u);
    const taste = makeTaste(rnd);
    let clock = START;
    const model = createDefaultModel();
    const engine: WorkerEngine = await createWorkerEngine({ store: createMemoryStore(), model, scorer: createJsScorer(), now: () => clock });
    const learner = createLearner(model.params.dims, options.learner);
    const catPref = Array.from(taste.cat).map((x) => Math.exp(1.5 * x));
    const catTotal = catPref.reduce((a, b) => a + b, 0);
    for (let t = 0; t < T; t++) {
      // The shopper opens a category (liked ones more often); the shop lists LIST items of it.
      let r = rnd() * catTotal;
      let c = 0;
      while (c < catPref.length - 1 && (r -= catPref[c]!) > 0) c++;
      const pool = byCat[c]!;
      const list: number[] = [];
      while (list.length < LIST) {
        const i = pool[Math.floor(rnd() * pool.length)]!;
        if (!list.includes(i)) list.push(i);
      }
      const ranked = await engine.rank(list.map((i) => cat[i]!.item));
      const u_ = list.map((i) => utility(taste, cat[i]!, i));
      const fav = u_.indexOf(Math.max(...u_));
      const place = ranked.order.indexOf(fav);
      res.rr[t]! += 1 / (place + 1);
      if (place < 1) res.hit1[t]! += 1;
      if (place < 5) res.hit5[t]! += 1;
      // What the shopper sees, and picks: utility − position bias + noise, among the top SEEN.
      const shown = ranked.order.slice(0, SEEN);
      const listId = `cat:${c}`;
      const events: WireEvent[] = shown.map((k, position) => ({ type: 'impression', item: cat[list[k]!]!.item, listId, position, at: clock }));
      let best = -1;
      let bestV = -Infinity;
      shown.forEach((k, position) => {
        const v = u_[k]! - 0.15 * position + 0.5 * -Math.log(-Math.log(rnd() + 1e-12) + 1e-12);
        if (v > bestV) {
          bestV = v;
          best = k;
        }
      });
      const picked = cat[list[best]!]!.item;
      const position = shown.indexOf(best);
      clock += 5_000;
      events.push({ type: 'click', item: picked, listId, position, at: clock, dwellMs: 20_000 });
      if (rnd() < 0.3) events.push({ type: 'add_to_cart', item: picked, listId, position, at: (clock += 20_000) });
      await engine.track(events);
      clock += 40_000;
      if (options.learn) {
        learner.setPairs(buildPairs(engine.allEvents(), model.params, clock), (item) => engine.targetVector(item));
        while (!learner.resting) {
          const t0 = performance.now();
          const c0 = process.cpuUsage();
          const used = learner.step(STEP_BUDGET_MS, () => performance.now());
          res.stepMs.push(performance.now() - t0);
          const c1 = process.cpuUsage(c0);
          res.stepCpuMs.push((c1.user + c1.system) / 1000);
          res.pairsPerStep.push(used);
        }
        engine.setPersonal({ modelVersion: model.version, u: Float32Array.from(learner.u) });
      }
    }
    await engine.close();
  }
  return res;
}
