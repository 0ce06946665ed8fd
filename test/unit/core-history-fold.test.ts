import { describe, expect, it } from 'vitest';
import { buildHistory, eventWeight, type HistoryEntry } from '../../src/model/history.js';
import { DEFAULT_PARAMS, type ModelParams } from '../../src/model/params.js';
import type { StoredEvent } from '../../src/core/wire.js';
import { EVENT_TYPES } from '../../src/types.js';

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
  let decay = 1;
  newestFirst.forEach((entry, k) => {
    entry.weight *= decay;
    if (params.orderWeights?.length) entry.weight *= params.orderWeights[Math.min(k, params.orderWeights.length - 1)]!;
    decay *= params.orderDecay;
  });
  return newestFirst.filter((e) => e.weight !== 0);
}

describe('history fold', () => {
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
