import { debug } from '../../core/log.js';

/** A grid the page hides until Hearth has placed it: `data-hearth-antiflicker="300"` (cap in ms). */
export const ANTI_FLICKER_ATTRIBUTE = 'data-hearth-antiflicker';
/** Set by Hearth when the grid may be seen; the page's CSS hides the grid until then (README › Anti-flicker). */
export const SHOWN_ATTRIBUTE = 'data-hearth-shown';
/** How long after the cap the grid is shown even if the rerank has not settled (it always should). */
const SAFETY_MS = 100;
/** The cap when the attribute has no valid number. */
export const DEFAULT_CAP_MS = 300;

/**
 * The CSS a page puts in its <head> (README › Anti-flicker). It hides a marked grid until Hearth
 * sets `data-hearth-shown`; the animation shows it at the cap by itself, so even a Hearth file
 * that never loads cannot keep the grid hidden. Kept here so the test pages use the README's text.
 */
export const ANTI_FLICKER_CSS =
  '[data-hearth-antiflicker]:not([data-hearth-shown]){animation:hearth-antiflicker 0s 300ms both}' +
  '@keyframes hearth-antiflicker{from{visibility:hidden}to{visibility:visible}}';

/** The grid's cap, in ms from the start of navigation. */
export function capOf(el: Element): number {
  const raw = el.getAttribute(ANTI_FLICKER_ATTRIBUTE);
  const n = raw === null || raw.trim() === '' ? NaN : Number(raw);
  if (Number.isFinite(n) && n >= 0) return n;
  if (raw !== null && raw.trim() !== '') debug(`invalid ${ANTI_FLICKER_ATTRIBUTE} ${JSON.stringify(raw)}; using ${DEFAULT_CAP_MS} ms`);
  return DEFAULT_CAP_MS;
}

/**
 * Runs `rerank(budgetMs)` for an anti-flicker grid and shows the grid when it settles or at the
 * cap, whichever comes first. The rank's budget ends at the cap too, so a grid is never reordered
 * after it was shown: past the cap it keeps the shop's order. Plain grids run `rerank` as it is.
 */
export function withAntiFlicker<T>(el: Element, rerankTimeoutMs: number, rerank: (budgetMs: number) => Promise<T>): Promise<T> {
  if (!el.hasAttribute(ANTI_FLICKER_ATTRIBUTE)) return rerank(rerankTimeoutMs);
  const cap = capOf(el);
  const left = Math.max(0, Math.floor(cap - performance.now()));
  // A rank timeout below then reads "no answer within <left> ms": this line says where that budget came from.
  if (left < rerankTimeoutMs) debug(`anti-flicker grid: its cap of ${cap} ms after page start leaves the rank ${left} ms; past it the grid shows in the shop's order`);
  const show = () => {
    try {
      el.setAttribute(SHOWN_ATTRIBUTE, '');
    } catch (err) {
      debug('anti-flicker grid not shown', err);
    }
  };
  let running: Promise<T>;
  try {
    running = rerank(Math.min(rerankTimeoutMs, left));
  } catch (err) {
    running = Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
  // A safety net only: the rank's own budget ends at the cap and settles the rerank first, so the
  // grid is not shown while an answer could still reorder it.
  const timer = setTimeout(show, left + SAFETY_MS);
  return running.finally(() => {
    clearTimeout(timer);
    show();
  });
}

/** Shows every anti-flicker grid at once: Hearth will not reorder them (rerank off, or boot failed). */
export function showAll(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(`[${ANTI_FLICKER_ATTRIBUTE}]`))) el.setAttribute(SHOWN_ATTRIBUTE, '');
}
