import { describe, expect, it } from 'vitest';
import { watchDataLayer } from '../../src/page/dom/data-layer.js';
import { watchSegment } from '../../src/page/dom/segment.js';
import type { TrackEvent } from '../../src/core/types.js';

describe('watchDataLayer', () => {
  it('reads earlier pushes, later ones, and keeps working when GTM replaces push', () => {
    const win = { dataLayer: [{ event: 'early' }] as unknown[] };
    const seen: unknown[] = [];
    watchDataLayer(win as unknown as Window, (e) => seen.push(e));
    win.dataLayer.push({ event: 'after' });
    // GTM loads later and installs its own push, which must still be called.
    const gtmSaw: unknown[] = [];
    win.dataLayer.push = function (this: unknown[], ...entries: unknown[]) {
      gtmSaw.push(...entries);
      return Array.prototype.push.apply(this, entries);
    };
    const n = win.dataLayer.push({ event: 'after-gtm' }, { event: 'second' });
    expect(seen).toEqual([{ event: 'early' }, { event: 'after' }, { event: 'after-gtm' }, { event: 'second' }]);
    expect(gtmSaw).toEqual([{ event: 'after-gtm' }, { event: 'second' }]);
    expect(n).toBe(4);
    expect(win.dataLayer).toHaveLength(4);
  });

  it('never creates the page’s dataLayer, picks up one created later, and survives a throwing handler or a frozen layer', () => {
    const later: Array<() => void> = [];
    const win: { dataLayer?: unknown[]; setTimeout: (fn: () => void) => number; addEventListener: (t: string, fn: () => void) => void } = {
      setTimeout: (fn) => later.push(fn),
      addEventListener: (_t, fn) => later.push(fn),
    };
    const seen: unknown[] = [];
    watchDataLayer(win as unknown as Window, (e) => {
      seen.push(e);
      throw new Error('bad entry');
    });
    expect(win.dataLayer).toBeUndefined(); // Hearth defines one global, not two
    win.dataLayer = [{ event: 'early' }]; // GA's snippet runs after Hearth
    later.forEach((fn) => fn());
    expect(() => win.dataLayer!.push({ event: 'x' })).not.toThrow();
    expect(seen).toEqual([{ event: 'early' }, { event: 'x' }]);
    const frozen = { dataLayer: Object.freeze([{ event: 'a' }]) };
    const fromFrozen: unknown[] = [];
    expect(() => watchDataLayer(frozen as unknown as Window, (e) => fromFrozen.push(e))).not.toThrow();
    expect(fromFrozen).toEqual([{ event: 'a' }]);
    expect(() => watchDataLayer({ dataLayer: 'nope' } as unknown as Window, () => undefined)).not.toThrow();
  });
});

describe('watchSegment', () => {
  it('counts each call once across the stub queue, stub pushes and the library replay', () => {
    const stub: unknown[] & { on?: (...a: unknown[]) => unknown } = [];
    stub.on = (...a: unknown[]) => stub.push(['on', ...a]);
    stub.push(['track', 'Product Viewed', { product_id: 'early' }]);
    const win = { analytics: stub as unknown };
    const events: TrackEvent[] = [];
    watchSegment(win as unknown as Window, (e) => events.push(e));
    stub.push(['track', 'Product Clicked', { product_id: 'late' }]);
    // analytics.js loads: replays the queue to a real emitter, copying properties.
    const listeners: Array<(name: unknown, props: unknown) => void> = [];
    for (const call of stub.slice() as unknown[][]) {
      if (call[0] === 'on') listeners.push(call[2] as (name: unknown, props: unknown) => void);
      if (call[0] === 'track') for (const l of listeners) l(call[1], structuredClone(call[2]));
    }
    for (const l of listeners) l('Product Added', { product_id: 'after-load' });
    expect(events.map((e) => [e.type, e.item.id])).toEqual([
      ['view', 'early'],
      ['click', 'late'],
      ['add_to_cart', 'after-load'],
    ]);
  });
});
