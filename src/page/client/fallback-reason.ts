import type { ConnectionStatus } from './connection.js';
import type { ConsentState } from '../../core/types.js';
import { HEARTH_ERRORS } from '../../core/errors.js';

/**
 * One plain line per fallback for `HEARTH_DEBUG`, so a developer who sees `fallback: true`
 * learns why without reading the source (README › See it work).
 */
const FELL_BACK = "rank fell back to the shop's order:";

/** What the worker was doing when a rank's budget ran out. */
export function timeoutReason(timeoutMs: number, status: ConnectionStatus, modelUrl: string | undefined): string {
  const age = status.ageMs === undefined ? '' : ` ${Math.round(status.ageMs)} ms ago`;
  const hint = 'raise timeoutMs, or call ready() early so start-up is paid before the first rank';
  const waiting =
    status.phase === 'starting'
      ? `the worker was started${age} and was still starting (waiting for: its script to load, IndexedDB to open${modelUrl ? `, the site model from ${modelUrl}` : ''}); ${hint}`
      : status.phase === 'scoring'
        ? `the worker was started${age} and had started, but did not answer this rank in time (tfjs still loading beside it); ${hint}`
        : status.phase === 'up'
          ? `the worker (started${age}) did not answer this rank in time; it is being pinged and is restarted if it does not answer`
          : `no worker was running (${status.phase}${status.failures ? `, ${status.failures} failed start(s)` : ''})`;
  return `${FELL_BACK} no answer within ${Math.round(timeoutMs)} ms (timeoutMs); ${waiting}`;
}

/** Why a rank call to the worker failed. */
export function failureReason(err: unknown): string {
  const e = err as { name?: unknown; message?: unknown } | undefined;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  if (e?.name === HEARTH_ERRORS.closed) return `${FELL_BACK} Hearth is closed (close() was called)`;
  if (e?.name === HEARTH_ERRORS.worker) return `${FELL_BACK} the worker failed: ${message}`;
  return `${FELL_BACK} the worker could not rank: ${message}`;
}

/** Why a rank that did not fall back still kept the shop's order (nothing to personalise with). */
export function unscoredReason(consent: ConsentState | undefined): string {
  if (consent === 'denied') return "rank kept the shop's order: consent is denied, so nothing is recorded and there is no history to rank by";
  if (consent === 'pending') return "rank kept the shop's order: no history yet (consent is pending: events are kept in memory only until setConsent('granted'))";
  return "rank kept the shop's order: no history for this shopper yet (nothing tracked, or all of it forgotten)";
}

export const HOLDOUT_REASON = "rank kept the shop's order: this browser is in the experiment's holdout arm";

/** An invalid call: it rejects (the script tag's `window.Hearth` answers the shop's order). */
export function inputReason(err: unknown): string {
  const message = (err as { message?: unknown } | undefined)?.message;
  return `rank rejected its input: ${typeof message === 'string' ? message : String(err)}`;
}
