import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngine, createWorkerEngine, type Engine } from '../../src/core/engine/engine.js';
import { createMemoryStore } from '../../src/core/store/memory-store.js';
import { candidateItems, validateEvent } from '../../src/core/wire/validate.js';
import { LEARNER_META_KEY, startLearning, type Learning } from '../../src/worker/learn-loop.js';
import type { EventStore } from '../../src/core/store/event-store.js';

const colours = ['red', 'blue', 'green', 'black'];
const items = Array.from({ length: 48 }, (_, i) => ({ id: `p${i}`, title: `${colours[i % 4]} shirt ${i}`, brand: `B${i % 5}`, categories: ['Clothes', 'Shirts'], price: 20 + i }));
const fresh = candidateItems(items.slice(24));
const FAST = { busyMs: 0, idleMs: 5, retryMs: 10, saveMs: 0 };
const started: Learning[] = [];
afterEach(() => {
  started.splice(0).forEach((l) => l.close());
  vi.unstubAllGlobals();
});

async function setup(store: EventStore = createMemoryStore()) {
  const engine = await createWorkerEngine({ store });
  const learning = startLearning(engine, 'db', FAST);
  started.push(learning);
  return { engine, learning, store };
}

/** Lists of 4 shirts (one per colour); the shopper clicks the red one each time. */
async function shopRed(engine: Engine) {
  const now = Date.now();
  for (let l = 0; l < 6; l++) {
    const list = [0, 1, 2, 3].map((c) => items[l * 4 + c]!);
    await engine.track(list.map((item, position) => validateEvent({ type: 'impression', item, listId: 'cat', position, at: now - 60_000 + l * 1000 }, now)));
    await engine.track([validateEvent({ type: 'click', item: list[0], listId: 'cat', position: 0, at: now - 59_000 + l * 1000 }, now)]);
  }
}

/**
 * How far the (unseen) red shirts score above the others in a fresh list: higher is better for
 * this shopper. (Not their places: the feature model alone already puts them first.)
 */
const redMargin = async (engine: Engine) => {
  const r = await engine.rank(fresh);
  const mean = (red: boolean) => {
    const s = r.scores.filter((_, i) => fresh[i]!.title!.startsWith('red') === red);
    return s.reduce((a, b) => a + b, 0) / s.length;
  };
  return mean(true) - mean(false);
};

describe('learning loop', () => {
  it('learns from impressions → clicks in the background, persists u, and lifts what the shopper picks', async () => {
    const { engine, learning, store } = await setup();
    await shopRed(engine);
    const frozen = await createEngine();
    await frozen.track([...engine.allEvents()].map(({ seq: _s, ...e }) => e));
    await vi.waitFor(async () => expect(await store.getMeta(LEARNER_META_KEY)).toBeTruthy(), { timeout: 5000 });
    await vi.waitFor(() => expect(learning.status()).toMatchObject({ resting: true, training: true }), { timeout: 5000 });
    expect(learning.status().norm).toBeGreaterThan(0);
    expect(await redMargin(engine)).toBeGreaterThan(await redMargin(frozen));

    // A new worker on the same store starts from the saved u.
    const again = await setup(store);
    await vi.waitFor(() => expect(again.learning.status().restored).toBe(true), { timeout: 2000 });
    expect(again.learning.status().norm).toBeGreaterThan(0);
  });

  it('a reload with nothing new keeps u as saved: the same pairs are not trained again', async () => {
    const { engine, learning, store } = await setup();
    await shopRed(engine);
    await vi.waitFor(async () => expect((await store.getMeta<{ restedOn?: number }>(LEARNER_META_KEY))?.restedOn).toBeTypeOf('number'), { timeout: 5000 });
    const norm = learning.status().norm;
    learning.close();
    const again = await setup(store);
    await vi.waitFor(() => expect(again.learning.status()).toMatchObject({ restored: true, resting: true, training: true, pairs: expect.any(Number) as number }), { timeout: 2000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(again.learning.status().pairs).toBeGreaterThan(0);
    expect(again.learning.status()).toMatchObject({ steps: 0, norm });
  });

  it('forget-all clears u in memory and in the store', async () => {
    const { engine, learning, store } = await setup();
    await shopRed(engine);
    await vi.waitFor(async () => expect(await store.getMeta(LEARNER_META_KEY)).toBeTruthy(), { timeout: 5000 });
    await engine.forget({ all: true });
    await vi.waitFor(() => expect(learning.status().norm).toBe(0), { timeout: 2000 });
    await engine.flush();
    expect(await store.getMeta(LEARNER_META_KEY)).toBeFalsy();
    // No personal term left in ranking: the shop's order with no history.
    expect((await engine.rank(fresh)).order).toEqual(fresh.map((_, i) => i));
  });

  it('forgetting a brand retrains from what is left', async () => {
    const { engine, learning } = await setup();
    await shopRed(engine);
    await vi.waitFor(() => expect(learning.status().norm).toBeGreaterThan(0), { timeout: 5000 });
    const pairsBefore = learning.status().pairs;
    await engine.forget({ brand: 'B0' });
    await vi.waitFor(() => expect(learning.status().pairs).toBeLessThan(pairsBefore), { timeout: 2000 });
  });

  it('only the tab holding the training lock trains', async () => {
    const held = new Set<string>();
    const names: string[] = [];
    vi.stubGlobal('navigator', {
      locks: {
        async request(name: string, opts: { ifAvailable?: boolean }, cb: (lock: object | null) => Promise<unknown>) {
          names.push(name);
          expect(opts.ifAvailable).toBe(true);
          if (held.has(name)) return cb(null);
          held.add(name);
          try {
            return await cb({ name });
          } finally {
            held.delete(name);
          }
        },
      },
    });
    const store = createMemoryStore();
    const a = await setup(store);
    const b = await setup(store);
    await shopRed(a.engine);
    b.engine.ingest([...a.engine.allEvents()]);
    await vi.waitFor(() => expect(a.learning.status().steps).toBeGreaterThan(0), { timeout: 5000 });
    expect(names[0]).toBe('hearth-train:db');
    expect([a.learning.status().training, b.learning.status().training]).toEqual([true, false]);
    expect(b.learning.status().steps).toBe(0);
    // The trainer goes away: the other tab takes the lock and trains.
    a.learning.close();
    await vi.waitFor(() => expect(b.learning.status().training).toBe(true), { timeout: 2000 });
    await vi.waitFor(() => expect(b.learning.status().steps).toBeGreaterThan(0), { timeout: 2000 });
  });
});
