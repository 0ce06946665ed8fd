import { describe, expect, it } from 'vitest';
import { buildHistory, SESSION_GAP_MS } from '../../src/core/model/history.js';
import { DEFAULT_PARAMS } from '../../src/core/model/params.js';
import { createEngine } from '../../src/core/engine/engine.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import { candidateItems, validateEvent } from '../../src/core/wire/validate.js';
import type { StoredEvent } from '../../src/core/wire/wire.js';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;
const stored = (id: string, at: number, type: StoredEvent['type'] = 'click'): StoredEvent => ({ type, item: { id }, at, seq: 0 });

describe('session boost', () => {
  it('weighs events since the last 30-minute pause sessionBoost times more', () => {
    const params = { ...DEFAULT_PARAMS, orderDecay: 1, halfLifeHours: 1e9, sessionBoost: 3 };
    // old: 2 h ago; then a pause; a, b: the current session (gaps under 30 min, up to now).
    const h = buildHistory([stored('old', NOW - 2 * HOUR), stored('a', NOW - 20 * 60_000), stored('b', NOW - 5 * 60_000)], params, NOW);
    const w = Object.fromEntries(h.map((e) => [e.item.id, e.weight]));
    expect(w.a).toBeCloseTo(3 * w.old!, 6);
    expect(w.b).toBeCloseTo(3 * w.old!, 6);
  });

  it('has no current session when the newest event is older than the gap', () => {
    const params = { ...DEFAULT_PARAMS, orderDecay: 1, halfLifeHours: 1e9, sessionBoost: 3 };
    const h = buildHistory([stored('x', NOW - 2 * HOUR), stored('y', NOW - SESSION_GAP_MS - 1)], params, NOW);
    expect(h[0]!.weight).toBeCloseTo(h[1]!.weight, 6);
  });

  it('1 is off, and is what an old manifest without the field gets', () => {
    const events = [stored('old', NOW - 2 * HOUR), stored('new', NOW - 60_000)];
    const { sessionBoost: _drop, ...legacy } = DEFAULT_PARAMS;
    const off = buildHistory(events, { ...DEFAULT_PARAMS, sessionBoost: 1 }, NOW);
    expect(buildHistory(events, legacy, NOW)).toEqual(off);
    expect(DEFAULT_PARAMS.sessionBoost).toBeGreaterThan(1);
  });

  it('lets the current session outrank a stronger long-term interest', async () => {
    const cats = ['Skincare', 'Makeup'];
    const items = Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, title: `${cats[i % 2]} thing ${i}`, categories: ['Beauty', cats[i % 2]!] }));
    const rankTop = async (sessionBoost: number) => {
      const e = await createEngine({ model: createDefaultModel({ sessionBoost }), now: () => NOW });
      // Yesterday: four skincare clicks. Now: two makeup clicks.
      const yesterday = [0, 2, 4, 6].map((i, k) => validateEvent({ type: 'click', item: items[i], at: NOW - 24 * HOUR + k * 60_000 }, NOW));
      const today = [1, 3].map((i, k) => validateEvent({ type: 'click', item: items[i], at: NOW - 10 * 60_000 + k * 60_000 }, NOW));
      await e.track([...yesterday, ...today]);
      const unseen = items.filter((_, i) => i >= 8);
      const r = await e.rank(candidateItems(unseen));
      return r.order.slice(0, 4).map((i) => unseen[i]!.categories[1]);
    };
    expect((await rankTop(1)).filter((c) => c === 'Skincare').length).toBeGreaterThanOrEqual(3);
    expect((await rankTop(4)).filter((c) => c === 'Makeup').length).toBeGreaterThanOrEqual(3);
  });
});
