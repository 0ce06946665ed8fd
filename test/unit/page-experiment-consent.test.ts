import { describe, expect, it } from 'vitest';
import { armOf, createArms, validateExperiment } from '../../src/page/client/experiment.js';
import { gtagConsent, shopifyConsent, shopifyState } from '../../src/page/client/consent-from.js';
import { watchDataLayer } from '../../src/page/dom/data-layer.js';
import { seededUniform } from '../../src/core/rank/random.js';
import { messageOf } from '../support/message-of.js';
import type { ConsentState } from '../../src/core/types.js';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), map: m };
}

describe('experiment arms', () => {
  it('split: about the holdout share over many browsers', () => {
    const random = seededUniform(7);
    for (const holdout of [0, 0.1, 0.5, 1]) {
      let held = 0;
      for (let b = 0; b < 5_000; b++) if (createArms({ id: 'x', holdout }, 'k', 'granted', random, memoryStorage()).get().arm === 'holdout') held++;
      expect(Math.abs(held / 5_000 - holdout)).toBeLessThan(0.02);
    }
    expect(armOf(0.0999, 0.1)).toBe('holdout');
    expect(armOf(0.1, 0.1)).toBe('personalised');
  });

  it('stable per browser and id (stored with consent); a new id draws again', () => {
    const store = memoryStorage();
    let draws = 0;
    const random = () => (draws++ % 2 === 0 ? 0.05 : 0.95);
    const first = createArms({ id: 'a', holdout: 0.5 }, 'k', 'granted', random, store).get();
    expect(first).toEqual({ id: 'a', arm: 'holdout' });
    for (let tab = 0; tab < 5; tab++) expect(createArms({ id: 'a', holdout: 0.5 }, 'k', 'granted', random, store).get()).toEqual(first);
    expect(draws).toBe(1);
    expect(createArms({ id: 'b', holdout: 0.5 }, 'k', 'granted', random, store).get()).toEqual({ id: 'b', arm: 'personalised' });
    expect(draws).toBe(2);
  });

  it('pending keeps the arm in memory only; denied deletes the stored one; granted later stores it', () => {
    const store = memoryStorage();
    const pending = createArms({ id: 'a', holdout: 1 }, 'k', 'pending', () => 0.3, store);
    expect(pending.get().arm).toBe('holdout');
    expect(store.map.size).toBe(0);
    pending.consent('granted');
    expect(JSON.parse(store.map.get('k')!)).toEqual({ id: 'a', arm: 'holdout' });
    pending.consent('denied');
    expect(store.map.size).toBe(0);
    expect(pending.get().arm).toBe('holdout');
  });

  it('validates the experiment option, naming the field', () => {
    expect(messageOf(() => validateExperiment({ id: '', holdout: 0.1 }))).toMatch(/^HearthInputError: options\.experiment\.id must be a non-empty string of at most 256 characters/);
    expect(messageOf(() => validateExperiment({ id: 'x'.repeat(257), holdout: 0.1 }))).toMatch(/options\.experiment\.id must be/);
    expect(messageOf(() => validateExperiment({ id: 'a', holdout: 1.5 }))).toMatch(/^HearthInputError: options\.experiment\.holdout must be a number between 0 and 1, got 1\.5/);
    expect(messageOf(() => validateExperiment({ id: 'a', holdout: NaN }))).toMatch(/options\.experiment\.holdout must be a number between 0 and 1, got NaN/);
    expect(messageOf(() => validateExperiment('a'))).toMatch(/options\.experiment must be an object/);
    expect(validateExperiment({ id: 'a', holdout: 0 })).toEqual({ id: 'a', holdout: 0 });
  });
});

/** A window enough for the watchers: a dataLayer, events, timers that never fire. */
function fakeWindow(layer?: unknown[]) {
  const listeners = new Map<string, Array<(e: unknown) => void>>();
  const on = (type: string, fn: (e: unknown) => void) => listeners.set(type, [...(listeners.get(type) ?? []), fn]);
  const win = {
    dataLayer: layer,
    document: { addEventListener: on },
    addEventListener: on,
    setTimeout: () => 0,
    fire: (type: string, detail?: unknown) => (listeners.get(type) ?? []).forEach((fn) => fn({ type, detail })),
  };
  return win;
}

describe('consent from gtag (Google consent mode)', () => {
  // The real gtag: it pushes its `arguments` object.
  function gtagOf(layer: unknown[]) {
    return function gtag(..._args: unknown[]) {
      // eslint-disable-next-line prefer-rest-params -- consent mode reads the arguments object itself
      layer.push(arguments);
    };
  }

  it('before Hearth loads: the default, then an update after', () => {
    const layer: unknown[] = [];
    const gtag = gtagOf(layer);
    gtag('consent', 'default', { ad_storage: 'denied', personalization_storage: 'denied' });
    const seen: ConsentState[] = [];
    gtagConsent(fakeWindow(layer) as unknown as Window, (s) => seen.push(s));
    expect(seen).toEqual(['denied']);
    gtag('consent', 'update', { personalization_storage: 'granted' });
    gtag('consent', 'default', { personalization_storage: 'denied' }); // a late default changes nothing
    gtag('consent', 'update', { analytics_storage: 'denied' }); // not ours
    expect(seen).toEqual(['denied', 'granted']);
  });

  it('after Hearth loads: pending until a command says', () => {
    const layer: unknown[] = [{ event: 'gtm.js' }];
    const seen: ConsentState[] = [];
    gtagConsent(fakeWindow(layer) as unknown as Window, (s) => seen.push(s));
    expect(seen).toEqual([]);
    gtagOf(layer)('consent', 'update', { personalization_storage: 'granted' });
    expect(seen).toEqual(['granted']);
  });

  it('two watchers of one dataLayer both keep seeing pushes after GTM replaces push', () => {
    const layer: unknown[] = [];
    const win = fakeWindow(layer) as unknown as Window;
    const a: unknown[] = [];
    const b: unknown[] = [];
    watchDataLayer(win, (e) => a.push(e));
    watchDataLayer(win, (e) => b.push(e));
    const gtm: unknown[] = [];
    layer.push = function (...entries: unknown[]) {
      gtm.push(...entries);
      return Array.prototype.push.apply(this, entries);
    };
    layer.push({ event: 'x' });
    expect([a, b, gtm]).toEqual([[{ event: 'x' }], [{ event: 'x' }], [{ event: 'x' }]]);
  });
});

describe('consent from Shopify Customer Privacy', () => {
  const withPrivacy = (cp: unknown) => ({ ...fakeWindow(), Shopify: { customerPrivacy: cp } }) as unknown as Window;
  it('maps the preferences signal', () => {
    expect(shopifyState(fakeWindow() as unknown as Window)).toBeUndefined();
    expect(shopifyState(withPrivacy({ currentVisitorConsent: () => ({ preferences: 'no' }), preferencesProcessingAllowed: () => true }))).toBe('denied');
    expect(shopifyState(withPrivacy({ currentVisitorConsent: () => ({ preferences: 'yes' }), preferencesProcessingAllowed: () => false }))).toBe('granted');
    expect(shopifyState(withPrivacy({ currentVisitorConsent: () => ({ preferences: '' }), preferencesProcessingAllowed: () => true }))).toBe('granted');
    expect(shopifyState(withPrivacy({ currentVisitorConsent: () => ({ preferences: '' }), preferencesProcessingAllowed: () => false }))).toBe('pending');
    expect(shopifyState(withPrivacy({ userCanBeTracked: () => true }))).toBe('granted');
  });

  it('follows visitorConsentCollected', () => {
    const win = fakeWindow();
    const seen: ConsentState[] = [];
    shopifyConsent(win as unknown as Window, (s) => seen.push(s));
    win.fire('visitorConsentCollected', { analyticsAllowed: true, marketingAllowed: false, preferencesAllowed: false, saleOfDataAllowed: false });
    win.fire('visitorConsentCollected', { preferencesAllowed: true });
    expect(seen).toEqual(['denied', 'granted']);
  });
});
