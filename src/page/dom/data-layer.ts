import { debug } from '../../core/log.js';

type Push = (...entries: unknown[]) => number;

/**
 * Calls `onEntry` for every entry already in `window.dataLayer` (pushes made before Hearth
 * loaded) and for every later push, without changing what the push does for GTM or gtag.
 *
 * GTM replaces `dataLayer.push` with its own function when it loads, possibly after Hearth.
 * An accessor keeps our wrapper outermost: a later assignment becomes the function we call
 * through to, so neither side loses entries.
 */
export function watchDataLayer(win: Window, onEntry: (entry: unknown) => void): void {
  const w = win as unknown as { dataLayer?: unknown };
  if (w.dataLayer !== undefined) {
    watchLayer(w.dataLayer, onEntry);
    return;
  }
  // No dataLayer yet. Hearth defines one global (`Hearth`) and never creates the page's: it
  // looks again when the tag manager is likely to have run. Entries pushed before then are
  // still in the array and are replayed when watching starts, so none are missed.
  let watching = false;
  const look = () => {
    if (watching || w.dataLayer === undefined) return;
    watching = true;
    watchLayer(w.dataLayer, onEntry);
  };
  win.document?.addEventListener?.('DOMContentLoaded', look, { once: true });
  win.addEventListener?.('load', look, { once: true });
  for (const ms of [0, 1_000, 3_000, 10_000]) win.setTimeout?.(look, ms);
}

function watchLayer(layer: unknown, onEntry: (entry: unknown) => void): void {
  if (!Array.isArray(layer)) {
    debug('window.dataLayer is not an array; not watching it');
    return;
  }
  const safe = (entry: unknown) => {
    try {
      onEntry(entry);
    } catch (err) {
      debug('skipped a dataLayer entry', err);
    }
  };
  for (const entry of layer.slice()) safe(entry);

  // GTM's own push, Array.prototype.push before GTM has loaded, or another watcher's wrapper
  // (Hearth's tracking and its consent signal both watch): a later assignment goes down to that
  // wrapper's own setter, so every watcher keeps seeing pushes.
  let target = layer.push as Push;
  const previous = Object.getOwnPropertyDescriptor(layer, 'push');
  const passDown = previous?.get && previous.set ? (fn: unknown) => previous.set!.call(layer, fn) : undefined;
  const wrapper: Push = function (this: unknown, ...entries: unknown[]) {
    const result = target.apply(this, entries);
    for (const entry of entries) safe(entry);
    return result;
  };
  try {
    Object.defineProperty(layer, 'push', {
      configurable: true,
      enumerable: false,
      get: () => wrapper,
      set: (fn: unknown) => {
        if (typeof fn !== 'function') return;
        if (passDown) passDown(fn);
        else target = fn as Push;
      },
    });
  } catch (err) {
    // A frozen or exotic dataLayer: keep what was already read, watch no further.
    debug('could not watch dataLayer pushes', err);
  }
}
