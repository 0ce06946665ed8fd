import type { TrackEvent } from '../../core/types.js';
import type { Hearth } from '../types.js';
import { createHearth } from '../client/create-hearth.js';
import { createNullHearth } from '../client/null-hearth.js';
import { debug } from '../../core/log.js';
import { createGlobalApi } from './global-api.js';
import { readScriptOptions, type TrackSource } from './script-options.js';
import { createAutoTracker } from './auto-tracker.js';
import { createDwellTracker } from './dwell.js';
import { watchDataLayer } from './data-layer.js';
import { ga4Events } from './ga4.js';
import { watchSegment } from './segment.js';
import { readPageProduct } from './json-ld.js';
import { trackCards } from './card-tracking.js';
import { RERANK_SELECTOR, rerankElement } from './rerank-element.js';
import { showAll, withAntiFlicker } from './anti-flicker.js';

const BOOTED = Symbol.for('hearth.booted');

/**
 * Starts the script-tag build: reads its options, puts `window.Hearth` in place of the
 * snippet's queue and replays the queue in order, then starts automatic tracking and the
 * first DOM rerank. Each step is isolated: one failing leaves the others, and the page, alone.
 */
export function boot(win: Window, script: HTMLScriptElement | null): void {
  const w = win as unknown as { Hearth?: unknown } & Record<symbol, unknown>;
  // The script is on the page twice: the first copy runs, later ones do nothing. A registered
  // symbol works across copies (each has its own closure) even where window.Hearth is the page's own.
  if (w[BOOTED]) return;
  w[BOOTED] = true;
  const existing = w.Hearth as { loaded?: unknown; options?: unknown } | unknown[] | undefined;
  if (existing && !Array.isArray(existing) && existing.loaded) return; // an older copy, before the marker
  const queue = Array.isArray(existing) ? existing : [];
  const options = readScriptOptions(script, Array.isArray(existing) ? (existing as unknown as { options?: unknown }).options : undefined);
  // Before createHearth, so the worker it starts is told too.
  if (options.debug) (win as unknown as { HEARTH_DEBUG?: boolean }).HEARTH_DEBUG = true;

  let hearth: Hearth;
  try {
    hearth = createHearth(options.hearth);
  } catch (err) {
    debug('invalid options; Hearth keeps every list in its original order', err);
    hearth = createNullHearth((err as Error).message);
  }
  const api = createGlobalApi(hearth, createHearth, options.rerankTimeoutMs);
  if (existing === undefined || Array.isArray(existing)) {
    w.Hearth = api;
    const pending = queue.splice(0, queue.length);
    // Code that kept a reference to the stub keeps working: its pushes now run at once.
    if (Array.isArray(existing)) existing.push = api.push;
    api.push(...pending);
  } else {
    // The page has a `Hearth` of its own: never clobber it. Tracking and grids still work.
    debug('window.Hearth is taken by the page; the script-tag API is not exposed');
  }

  const sources = new Set<TrackSource>(options.track);
  const doc = win.document;
  const containers = () => Array.from(doc.querySelectorAll(RERANK_SELECTOR));
  if (sources.size > 0 || (options.rerank && (doc.readyState === 'loading' || containers().length > 0))) {
    // Start the worker now: the first rerank should not also pay for its start-up.
    hearth.ready().catch(() => undefined);
  }
  let firstRerankDone!: () => void;
  const firstRerank = new Promise<void>((resolve) => (firstRerankDone = resolve));
  const emit = createAutoTracker(hearth, firstRerank);
  const startDwell = createDwellTracker(win, emit);
  const emitOrDwell = (event: TrackEvent) => {
    emit(event);
    if (event.type === 'view' && event.dwellMs === undefined) startDwell(event.item);
  };
  const step = (name: string, fn: () => void) => {
    try {
      fn();
    } catch (err) {
      debug(`${name} failed`, err);
    }
  };
  if (sources.has('datalayer')) step('dataLayer', () => watchDataLayer(win, (entry) => ga4Events(entry).forEach(emitOrDwell)));
  if (sources.has('segment')) step('Segment', () => watchSegment(win, emitOrDwell));

  whenDomReady(doc, () => {
    const reranks: Promise<unknown>[] = [];
    if (options.rerank) step('rerank', () => containers().forEach((el) => reranks.push(withAntiFlicker(el, options.rerankTimeoutMs, (ms) => rerankElement(hearth, el, ms)))));
    // Grids Hearth will not place are shown at once (the CSS cap would show them later anyway).
    if (!options.rerank) step('anti-flicker', () => showAll(doc));
    void Promise.allSettled(reranks).then(firstRerankDone);
    if (sources.has('jsonld'))
      step('JSON-LD', () => {
        const item = readPageProduct(doc);
        if (item) emitOrDwell({ type: 'view', item });
      });
    if (sources.has('dom')) step('cards', () => trackCards(doc, emit, emitOrDwell));
  });
}

function whenDomReady(doc: Document, fn: () => void): void {
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', fn, { once: true });
  else fn();
}
