/**
 * Script-tag entry (`dist/hearth.iife.js`): `window.Hearth`, automatic tracking and DOM
 * reranking for shops. The only entry that touches the window global (through `boot`).
 */
import { boot } from './page/dom/boot.js';
import { debug } from './core/log.js';

// `document.currentScript` is only set while this script first runs: read it now, not later.
const script = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;
try {
  if (typeof window !== 'undefined') boot(window, script);
} catch (err) {
  // Never into the page: a shop's own scripts must keep working whatever happens here.
  debug('Hearth did not start', err);
}
