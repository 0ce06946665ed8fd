import { describe, expect, it } from 'vitest';
import { createFuzzer } from '../support/fuzz.js';
import { candidateItems, validateEvent, validateRerankOptions } from '../../src/core/wire/validate.js';
import { HEARTH_ERRORS } from '../../src/core/errors.js';
import { LIMITS } from '../../src/core/wire/limits.js';
import { validateExperiment } from '../../src/page/client/experiment.js';
import { createEngine, createWorkerEngine } from '../../src/core/engine/engine.js';
import type { WireEvent, WireItem } from '../../src/core/wire/wire.js';

/** A rejection must be ours, and say which field and what is expected. */
function expectNamedRejection(err: unknown, fieldPrefix: RegExp): void {
  expect(err).toBeInstanceOf(Error);
  expect((err as Error).name).toBe(HEARTH_ERRORS.input);
  expect((err as Error).message).toMatch(fieldPrefix);
  expect((err as Error).message).toMatch(/ must be /);
}

function expectWithinLimits(item: WireItem): void {
  expect(typeof item.id).toBe('string');
  expect(item.id.length).toBeGreaterThan(0);
  expect(item.id.length).toBeLessThanOrEqual(LIMITS.idLength);
  expect((item.title ?? '').length).toBeLessThanOrEqual(LIMITS.titleLength);
  expect((item.brand ?? '').length).toBeLessThanOrEqual(LIMITS.brandLength);
  expect((item.categories ?? []).length).toBeLessThanOrEqual(LIMITS.categories);
  expect((item.attrs ?? []).length).toBeLessThanOrEqual(LIMITS.attributes);
  if (item.price !== undefined) expect(Number.isFinite(item.price)).toBe(true);
}

describe('fuzz: 13,100 generated inputs', () => {
  it('validation accepts within limits or rejects naming the field; the engine never breaks', async () => {
    const fuzz = createFuzzer(20261123);
    const engine = await createWorkerEngine({ maxEvents: 2_000 });
    const tally = { events: 0, accepted: 0, rejected: 0, lists: 0, ranked: 0, listRejected: 0, options: 0, ruled: 0, ruleRejected: 0 };

    for (let i = 0; i < 8_000; i++) {
      tally.events++;
      let wire: WireEvent | undefined;
      try {
        wire = validateEvent(fuzz.event());
      } catch (err) {
        tally.rejected++;
        expectNamedRejection(err, /^event/);
        continue;
      }
      tally.accepted++;
      expectWithinLimits(wire.item);
      // Stored data must survive a structured clone (IndexedDB) unchanged.
      expect(structuredClone(wire)).toEqual(wire);
      await engine.track([wire]);
    }

    for (let i = 0; i < 3_000; i++) {
      tally.lists++;
      let items: WireItem[];
      try {
        items = candidateItems(fuzz.itemList());
      } catch (err) {
        tally.listRejected++;
        expectNamedRejection(err, /^items/);
        continue;
      }
      items.forEach(expectWithinLimits);
      const r = await engine.rank(items);
      tally.ranked++;
      expect([...r.order].sort((a, b) => a - b)).toEqual(items.map((_, k) => k)); // a permutation
      r.scores.forEach((x) => expect(Number.isFinite(x)).toBe(true));
    }

    for (let i = 0; i < 1_000; i++) {
      tally.options++;
      try {
        const o = validateRerankOptions(fuzz.rerankOptions());
        if (o.limit !== undefined) expect(Number.isInteger(o.limit) && o.limit >= 0).toBe(true);
        if (o.timeoutMs !== undefined) expect(Number.isFinite(o.timeoutMs) && o.timeoutMs >= 0).toBe(true);
      } catch (err) {
        expectNamedRejection(err, /^options/);
      }
    }

    // Rules, rotation and experiments: accepted and applied (a permutation less the excluded), or rejected naming the field.
    const items = candidateItems(Array.from({ length: 40 }, (_, k) => ({ id: `p${k}`, brand: k % 2 ? 'Acme' : 'Other', categories: ['Shoes'], attributes: { color: 'red' } })));
    for (let i = 0; i < 600; i++) {
      let knobs: ReturnType<typeof validateRerankOptions>;
      try {
        knobs = validateRerankOptions(fuzz.rankOptions());
      } catch (err) {
        tally.ruleRejected++;
        expectNamedRejection(err, /^options\.(rules|rotation)/);
        continue;
      }
      tally.ruled++;
      const r = await engine.rank(items, knobs);
      expect([...r.order, ...(r.excluded ?? [])].sort((a, b) => a - b)).toEqual(items.map((_, k) => k));
      // Pins on distinct slots inside the list (the first pin per id counts): each shown pinned item is in its slot.
      const firstPins = (knobs.rules?.pin ?? []).filter((p, k, all) => all.findIndex((q) => q.id === p.id) === k);
      if (new Set(firstPins.map((p) => p.position)).size === firstPins.length && firstPins.every((p) => p.position < r.order.length)) {
        for (const pin of firstPins) {
          const at = r.order.findIndex((k) => items[k]!.id === pin.id);
          if (at >= 0) expect(at).toBe(pin.position);
        }
      }
    }
    for (let i = 0; i < 500; i++) {
      try {
        const x = validateExperiment(fuzz.experiment());
        if (x) expect(typeof x.id === 'string' && x.id.trim().length > 0 && x.holdout >= 0 && x.holdout <= 1).toBe(true);
      } catch (err) {
        expectNamedRejection(err, /^options\.experiment/);
      }
    }

    // Nothing leaked onto prototypes, and the store holds only valid, re-validatable events.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(engine.eventCount).toBeLessThanOrEqual(2_000);
    for (const h of engine.history()) expectWithinLimits(h.item);
    // Both paths were exercised in earnest.
    expect(tally.accepted).toBeGreaterThan(1_000);
    expect(tally.rejected).toBeGreaterThan(1_000);
    expect(tally.ranked).toBeGreaterThan(1_000);
    expect(tally.listRejected).toBeGreaterThan(100);
    expect(tally.ruled).toBeGreaterThan(150);
    expect(tally.ruleRejected).toBeGreaterThan(150);
    console.info('fuzz tally', tally);
  }, 120_000);

  it('a 100,000-item list reranks: a permutation, the tail past the cap in its original order', async () => {
    const engine = await createEngine();
    await engine.track([validateEvent({ type: 'click', item: { id: 'x7', brand: 'Acme' } })]);
    const items = candidateItems(Array.from({ length: 100_000 }, (_, i) => ({ id: `x${i}`, brand: i % 3 ? 'Other' : 'Acme' })));
    const r = await engine.rank(items);
    expect(r.order).toHaveLength(100_000);
    expect(new Set(r.order).size).toBe(100_000);
    expect(r.order.slice(LIMITS.maxCandidates)).toEqual(items.slice(LIMITS.maxCandidates).map((_, k) => k + LIMITS.maxCandidates));
  }, 60_000);
});
