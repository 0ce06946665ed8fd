import type { ConsentState } from '../../core/types.js';
import { watchDataLayer } from '../dom/data-layer.js';
import { debug } from '../../core/log.js';

/** Consent signals a shop already has, which Hearth can follow instead of `setConsent`. */
export const CONSENT_SOURCES = ['gtag', 'shopify'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

const fromGranted = (v: unknown): ConsentState | undefined => (v === 'granted' ? 'granted' : v === 'denied' ? 'denied' : undefined);

/**
 * Google consent mode: `gtag('consent', 'default' | 'update', { personalization_storage })`
 * pushes its `arguments` into `dataLayer`. An update wins over every default; a default arriving
 * after an update changes nothing. Region-scoped defaults are taken as applying here. Until
 * either says, 'pending'.
 */
export function gtagConsent(win: Window, onChange: (state: ConsentState) => void): void {
  let byDefault: ConsentState | undefined;
  let byUpdate: ConsentState | undefined;
  let last: ConsentState = 'pending';
  watchDataLayer(win, (entry) => {
    const e = entry as ArrayLike<unknown> | null;
    if (!e || typeof e !== 'object' || typeof e.length !== 'number' || e[0] !== 'consent') return;
    const params = e[2] as Record<string, unknown> | undefined;
    const state = params && typeof params === 'object' ? fromGranted(params.personalization_storage) : undefined;
    if (!state) return;
    if (e[1] === 'update') byUpdate = state;
    else if (e[1] === 'default') byDefault = state;
    const now = byUpdate ?? byDefault ?? 'pending';
    if (now !== last) onChange((last = now));
  });
}

interface CustomerPrivacy {
  currentVisitorConsent?: () => { preferences?: string } | undefined;
  preferencesProcessingAllowed?: () => boolean;
  userCanBeTracked?: () => boolean;
}

/** The Customer Privacy API's preferences signal now; undefined while the API has not loaded. */
export function shopifyState(win: Window): ConsentState | undefined {
  const cp = (win as unknown as { Shopify?: { customerPrivacy?: CustomerPrivacy } }).Shopify?.customerPrivacy;
  if (!cp) return undefined;
  const answer = cp.currentVisitorConsent?.()?.preferences;
  if (answer === 'no') return 'denied';
  if (answer === 'yes') return 'granted';
  // True also where no consent is required (the shop's region settings).
  const allowed = cp.preferencesProcessingAllowed ? cp.preferencesProcessingAllowed() : cp.userCanBeTracked?.();
  return allowed === true ? 'granted' : 'pending';
}

/**
 * Shopify's Customer Privacy API (`window.Shopify.customerPrivacy`, loaded by the theme, maybe
 * after Hearth): its state when it appears, then each `visitorConsentCollected` event on the
 * document (`detail.preferencesAllowed`).
 */
export function shopifyConsent(win: Window, onChange: (state: ConsentState) => void): void {
  let last: ConsentState = 'pending';
  const set = (state: ConsentState | undefined) => {
    if (state && state !== last) onChange((last = state));
  };
  const look = () => {
    try {
      set(shopifyState(win));
    } catch (err) {
      debug('Shopify customerPrivacy unreadable', err);
    }
  };
  win.document.addEventListener('visitorConsentCollected', (event) => {
    const detail = (event as CustomEvent<{ preferencesAllowed?: unknown }>).detail;
    if (detail && typeof detail.preferencesAllowed === 'boolean') set(detail.preferencesAllowed ? 'granted' : 'denied');
  });
  look();
  // The API loads with the theme's scripts; look again when they are likely to have run.
  win.document.addEventListener('DOMContentLoaded', look, { once: true });
  win.addEventListener('load', look, { once: true });
  for (const ms of [1_000, 3_000, 10_000]) win.setTimeout(look, ms);
}

/** Follows `source`, calling `onChange` at once with the state it holds already, if any. */
export function followConsent(source: ConsentSource, onChange: (state: ConsentState) => void): void {
  if (typeof window === 'undefined') return;
  if (source === 'gtag') gtagConsent(window, onChange);
  else shopifyConsent(window, onChange);
}
