import { describe, expect, it } from 'vitest';
import { buildHistory, SESSION_GAP_MS } from '../../src/core/model/history.js';
import { createHistoryIndex } from '../../src/core/model/history-index.js';
import { DEFAULT_PARAMS } from '../../src/core/model/params.js';
import type { ModelParams } from '../../src/core/model/model-types.js';
import { createWorkerEngine } from '../../src/core/engine/engine.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import type { StoredEvent, WireEvent } from '../../src/core/wire/wire.js';
import { EVENT_TYPES } from '../../src/core/types.js';

const NOW = 1_800_000_000_000;

function generator(seed: number) {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  let at = NOW - 40 * 86_400_000;
  let seq = 0;
  /** Mostly forward in time, in bursts (sessions) and pauses; sometimes a late-arriving older event. */
  const event = (items: number): StoredEvent => {
    const r = rnd();
    at += r < 0.7 ? Math.floor(rnd() * 10 * 60_000) : r < 0.9 ? SESSION_GAP_MS + Math.floor(rnd() * 86_400_000) : r < 0.95 ? SESSION_GAP_MS : -Math.floor(rnd() * 3 * 3_600_000);
    const id = `i${Math.floor(rnd() * items)}`;
    const rich = rnd();
    return {
      seq: ++seq,
      type: EVENT_TYPES[Math.floor(rnd() * 5)]!,
      at,
      ...(rnd() < 0.3 ? { dwellMs: Math.floor(rnd() * 60_000) } : {}),
      item: rich < 0.4 ? { id } : rich < 0.7 ? { id, title: `t${id}` } : { id, title: `t${id}`, brand: 'b', categories: ['c'] },
    };
  };
  const params = (): ModelParams => {
    const boost = [undefined, 1, 4, 0.5, Number.NaN, 8][Math.floor(rnd() * 6)];
    return {
      ...DEFAULT_PARAMS,
      // Mostly whole windows; now and then one a model file could carry (fractional, 0).
      historyWindow: rnd() < 0.9 ? 1 + Math.floor(rnd() * 60) : [2.5, 0, 7.25][Math.floor(rnd() * 3)]!,
      sessionBoost: boost,
      ...(rnd() < 0.5 ? { orderWeights: [1.5, 1.2, 1, 0.8] } : {}),
      ...(rnd() < 0.3 ? { orderDecay: 1 } : {}),
    };
  };
  return { rnd, event, params, get lastAt() { return at; } };
}

describe('history index (incremental fold)', () => {
  it('folds exactly as the full fold over random appends and prunes, at any time', () => {
    for (let trial = 0; trial < 60; trial++) {
      const g = generator(trial + 1);
      const items = 2 + Math.floor(g.rnd() * 80);
      const cap = 5 + Math.floor(g.rnd() * 300);
      let events: StoredEvent[] = Array.from({ length: Math.floor(g.rnd() * cap) }, () => g.event(items));
      const index = createHistoryIndex(events);
      for (let step = 0; step < 40; step++) {
        const batch = Array.from({ length: 1 + Math.floor(g.rnd() * (g.rnd() < 0.1 ? cap * 1.5 : 5)) }, () => g.event(items));
        events = [...events, ...batch];
        index.append(batch);
        if (events.length > cap) {
          expect(index.dropOldest(events.slice(0, events.length - cap))).toBe(true);
          events = events.slice(-cap);
        }
        // Now, within the session, long after it, and before the newest event (clock skew: no decay).
        for (const now of [g.lastAt + 60_000, g.lastAt + SESSION_GAP_MS, g.lastAt + SESSION_GAP_MS + 1, g.lastAt + 5 * 86_400_000, g.lastAt - 3_600_000]) {
          const params = g.params();
          // Bit for bit: toEqual compares numbers with Object.is.
          expect(index.fold(params, now)).toEqual(buildHistory(events, params, now));
        }
      }
      expect(index.items).toBe(new Set(events.map((e) => e.item.id)).size);
    }
  });

  it('empties and refills', () => {
    const g = generator(99);
    const events = Array.from({ length: 20 }, () => g.event(5));
    const index = createHistoryIndex(events);
    expect(index.dropOldest(events)).toBe(true);
    expect(index.items).toBe(0);
    expect(index.fold(DEFAULT_PARAMS, NOW)).toEqual([]);
    const more = Array.from({ length: 10 }, () => g.event(5));
    index.append(more);
    expect(index.fold(DEFAULT_PARAMS, g.lastAt)).toEqual(buildHistory(more, DEFAULT_PARAMS, g.lastAt));
  });

  it('refuses to drop events that are not the oldest (the engine then rebuilds)', () => {
    const g = generator(7);
    const events = Array.from({ length: 10 }, () => g.event(3));
    expect(createHistoryIndex(events).dropOldest([events[5]!])).toBe(false);
  });
});

describe('engine history stays the full fold', () => {
  it('through tracks past the cap, other tabs’ events, forgets and a model change', async () => {
    let now = NOW;
    const engine = await createWorkerEngine({ maxEvents: 150, now: () => now });
    const g = generator(3);
    const wire = (e: StoredEvent): WireEvent => {
      const { seq: _seq, ...w } = e;
      return w;
    };
    // The engine's history leaves impressions out (`history-cache.ts`): the full fold of the rest.
    const check = () => expect(engine.history()).toEqual(buildHistory(engine.allEvents().filter((e) => e.type !== 'impression'), engine.model.params, now));
    for (let round = 0; round < 30; round++) {
      await engine.track(Array.from({ length: 1 + Math.floor(g.rnd() * 12) }, () => wire(g.event(40))));
      now = Math.max(now, g.lastAt) + 61_000; // past the engine's one-minute reuse of a fold
      check();
      if (round % 7 === 3) {
        // Another tab's newest events (seq after ours), then one from the past (sorted in: rebuild).
        const top = Math.max(...engine.allEvents().map((e) => e.seq));
        engine.ingest([{ ...g.event(40), seq: top + 1 }, { ...g.event(40), seq: top + 2 }]);
        check();
        engine.ingest([{ ...g.event(40), seq: 0.5 }]);
        check();
      }
      if (round % 10 === 5) {
        await engine.forget({ itemId: 'i3' });
        check();
      }
    }
    engine.setModel(createDefaultModel({ historyWindow: 7, sessionBoost: 2 }));
    check();
  });
});
