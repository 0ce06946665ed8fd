import { describe, expect, it } from 'vitest';
import { buildHistory, eventWeight, type HistoryEntry } from '../../src/core/model/history.js';
import { DEFAULT_PARAMS } from '../../src/core/model/params.js';
import type { ModelParams } from '../../src/core/model/model-types.js';
import type { StoredEvent } from '../../src/core/wire/wire.js';
import { EVENT_TYPES } from '../../src/core/types.js';

const STRENGTH = { impression: 0, view: 1, click: 2, add_to_cart: 3, purchase: 4 } as const;

/** The straightforward fold (oldest first, re-inserting on every touch): the reference. */
function referenceFold(events: readonly StoredEvent[], params: ModelParams, now: number): HistoryEntry[] {
  const byId = new Map<string, HistoryEntry>();
  for (const e of events) {
    const w = eventWeight(e, params, now);
    const entry = byId.get(e.item.id);
    if (entry) {
      byId.delete(e.item.id);
      entry.weight += w;
      entry.lastAt = Math.max(entry.lastAt, e.at);
      entry.events += 1;
      if (STRENGTH[e.type] > STRENGTH[entry.strongest]) entry.strongest = e.type;
      if (Object.keys(e.item).length >= Object.keys(entry.item).length) entry.item = e.item;
      byId.set(e.item.id, entry);
    } else {
      byId.set(e.item.id, { item: e.item, weight: w, lastAt: e.at, strongest: e.type, events: 1 });
    }
  }
  const newestFirst = [...byId.values()].reverse().slice(0, params.historyWindow);
  // Steps back are counted over engaged items (positive weight) only.
  const engagedAfter = newestFirst.map((_, i) => newestFirst.slice(0, i).filter((e) => e.weight > 0).length);
  const before = newestFirst.map((e) => e.weight);
  newestFirst.forEach((entry, i) => {
    const k = engagedAfter[i]!;
    entry.weight = before[i]! * params.orderDecay ** k;
    if (params.orderWeights?.length) entry.weight *= params.orderWeights[Math.min(k, params.orderWeights.length - 1)]!;
  });
  return newestFirst.filter((e) => e.weight !== 0);
}

describe('history fold', () => {
  it('ages an item by the engaged items after it: unclicked impressions are no steps back', () => {
    const NOW = 1_800_000_000_000;
    const params: ModelParams = { ...DEFAULT_PARAMS, orderDecay: 0.5, sessionBoost: 1, halfLifeHours: 1e9 };
    const at = (k: number) => NOW - 1000 + k;
    const click = (id: string, k: number): StoredEvent => ({ seq: k + 1, type: 'click', at: at(k), item: { id } });
    const seen = (id: string, k: number): StoredEvent => ({ seq: k + 1, type: 'impression', at: at(k), item: { id } });
    const events = [click('old', 0), click('a', 1), ...Array.from({ length: 30 }, (_, i) => seen(`shown${i}`, 2 + i)), click('b', 40)];
    const weight = new Map(buildHistory(events, params, NOW).map((e) => [e.item.id, e.weight]));
    const w = eventWeight(click('x', 0), params, NOW);
    expect(weight.get('b')).toBeCloseTo(w, 12);
    expect(weight.get('a')).toBeCloseTo(w * 0.5, 12); // one engaged item after it, not 31
    expect(weight.get('old')).toBeCloseTo(w * 0.25, 12);
    // Impressions weigh in at the decay of the engaged items after them (here: 'b').
    expect(weight.get('shown0')).toBeCloseTo(eventWeight(seen('x', 0), params, NOW) * 0.5, 12);
  });

  it('matches the reference fold on random streams (window, richness, strongest, decay)', () => {
    let s = 17;
    const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const NOW = 1_800_000_000_000;
    for (let trial = 0; trial < 50; trial++) {
      const events: StoredEvent[] = Array.from({ length: 1 + Math.floor(rnd() * 400) }, (_, k) => {
        const id = `i${Math.floor(rnd() * 60)}`;
        const rich = rnd();
        return {
          seq: k + 1,
          type: EVENT_TYPES[Math.floor(rnd() * 5)]!,
          at: NOW - Math.floor(rnd() * 40 * 86_400_000),
          ...(rnd() < 0.3 ? { dwellMs: Math.floor(rnd() * 60_000) } : {}),
          item: rich < 0.4 ? { id } : rich < 0.7 ? { id, title: `t${id}` } : { id, title: `t${id}`, brand: 'b', categories: ['c'] },
        };
      });
      const params: ModelParams = { ...DEFAULT_PARAMS, historyWindow: 5 + Math.floor(rnd() * 60), ...(trial % 2 ? { orderWeights: [1.5, 1.2, 1, 0.8] } : {}) };
      const got = buildHistory(events, params, NOW);
      const want = referenceFold(events, params, NOW);
      expect(got.map((e) => [e.item.id, e.events, e.strongest, e.lastAt, Object.keys(e.item).length])).toEqual(want.map((e) => [e.item.id, e.events, e.strongest, e.lastAt, Object.keys(e.item).length]));
      got.forEach((e, k) => expect(e.weight).toBeCloseTo(want[k]!.weight, 9));
    }
  });
});
