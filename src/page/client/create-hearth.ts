import type { Item, RankResult, ReadyInfo } from '../../core/types.js';
import type { Hearth, HearthOptions } from '../types.js';
import { candidateItems, validateEvent, validateForget, validateRerankOptions } from '../../core/wire/validate.js';
import { LIMITS } from '../../core/wire/limits.js';
import { createLineCache } from './line-cache.js';
import { resolveOptions, validateConsent } from './options.js';
import { createConnection } from './connection.js';
import { createTrackBatcher } from './track-batcher.js';
import { createNullHearth } from './null-hearth.js';
import { defaultWorkerUrl } from './default-worker-url.js';
import { fallbackResult, rankedResult } from './results.js';
import { toExport } from './export.js';
import { timeoutError, withTimeout } from './timeout.js';
import { debug } from '../../core/log.js';
import { startStamps, stamp, timingsOn } from '../../core/timings.js';
import type { InitConfig } from '../../core/wire/protocol.js';
import type { ConsentState } from '../../core/types.js';
import { announceExposure, createArms } from './experiment.js';
import { followConsent } from './consent-from.js';
import { failureReason, HOLDOUT_REASON, inputReason, timeoutReason, unscoredReason } from './fallback-reason.js';
import { host } from '../../core/host.js';

/** How long a track or forget may wait for the worker (start-up included) before giving up. */
const WRITE_TIMEOUT_MS = 15_000;
const CLOSE_TIMEOUT_MS = 2_000;

/**
 * Creates a Hearth instance. Returns at once; the worker starts on the first call, and calls
 * made before it is ready wait for it (in order).
 *
 * @example
 * const hearth = createHearth();
 * hearth.track({ type: 'click', item: { id: 'sku-42', brand: 'Salomon', categories: ['Shoes'] } });
 * const items = await hearth.rerank(serverItems); // same objects, this shopper's order
 */
// eslint-disable-next-line max-lines-per-function -- the public instance: each member is a few lines over one shared connection, batcher and line cache
export function createHearth(options: HearthOptions = {}): Hearth {
  const base = typeof location === 'undefined' ? undefined : location.href;
  const opts = resolveOptions(options, base);
  if (typeof Worker === 'undefined') return createNullHearth('no Web Worker support (server-side rendering?)');

  const workerUrl = opts.workerUrl ?? defaultWorkerUrl();
  // A restarted worker is initialised from this object, so it always carries the latest consent.
  const config: InitConfig = { dbName: opts.dbName, backend: opts.backend, assetBase: new URL('./', workerUrl).href, consent: opts.consent };
  // A consent source answers at once with the state it already holds (before the worker starts).
  let hearth: Hearth | undefined;
  if (opts.consentFrom) {
    config.consent = 'pending';
    followConsent(opts.consentFrom, (state: ConsentState) => {
      if (hearth) hearth.setConsent(state).catch((err: unknown) => debug('consent from the shop not applied', err));
      else config.consent = state;
    });
  }
  const arms = opts.experiment && createArms(opts.experiment, `hearth.experiment.${opts.dbName}`, config.consent ?? 'granted');
  if (opts.modelUrl) config.modelUrl = opts.modelUrl;
  if (opts.maxEvents) config.maxEvents = opts.maxEvents;
  if (timingsOn()) config.timings = true;
  // Debug mode set on the page before createHearth (or by the tag's data-debug) reaches the worker.
  if (host.HEARTH_DEBUG) config.debug = true;
  const connection = createConnection(workerUrl, config);
  const lines = createLineCache();
  const tracks = createTrackBatcher((events) =>
    withTimeout(connection.call((api) => api.track(events)), WRITE_TIMEOUT_MS, () => undefined).catch((err: unknown) => {
      // Tracking is fire-and-forget for the page: a lost event must not become a page error.
      debug('track failed', err);
    }),
  );

  /**
   * A call whose outcome the page must know (forget, consent, profile, export): it rejects with
   * a `HearthTimeoutError` naming the call if the worker has not answered in WRITE_TIMEOUT_MS.
   */
  function callWithin<T>(what: string, fn: Parameters<typeof connection.call<T>>[0]): Promise<T> {
    return withTimeout(connection.call(fn), WRITE_TIMEOUT_MS, () => {
      throw timeoutError(what, WRITE_TIMEOUT_MS);
    });
  }

  async function rank<T extends Item>(items: T[], options?: Parameters<Hearth['rank']>[1]): Promise<RankResult<T>> {
    const startedAt = performance.now();
    const t = startStamps('page rank');
    const { wire, limit, timeoutMs = opts.timeoutMs, knobs } = validateRank(items, options);
    const assignment = arms?.get();
    if (assignment) announceExposure(assignment);
    if (assignment?.arm === 'holdout') debug(HOLDOUT_REASON);
    // The holdout arm: the shop's order and rules, scored by nothing (events are still recorded).
    const sent = assignment?.arm === 'holdout' ? { shopOrder: true, ...(knobs.rules ? { rules: knobs.rules } : {}) } : knobs;
    const withArm = (r: RankResult<T>): RankResult<T> => (assignment ? { ...r, arm: assignment.arm } : r);
    tracks.flush();
    const fallback = () => withArm(fallbackResult(items, limit, startedAt, wire, knobs.rules));
    stamp(t, 'validated');
    const head = lines.encode(items, wire.length > LIMITS.maxCandidates ? wire.slice(0, LIMITS.maxCandidates) : wire);
    stamp(t, 'encoded');
    let timedOut = false;
    const work = connection
      .call((api) => {
        stamp(t, 'call');
        const posted = api.rank(head, sent);
        stamp(t, 'posted');
        return posted;
      })
      .then((r) => {
        stamp(t, 'received');
        const out = withArm(rankedResult(items, r, limit, startedAt, wire, knobs.rules));
        stamp(t, 'assembled');
        if (!timedOut && r.backend === 'none' && assignment?.arm !== 'holdout') debug(unscoredReason(config.consent));
        return out;
      })
      .catch((err: unknown) => {
        if (!timedOut) debug(failureReason(err));
        return fallback();
      });
    return withTimeout(work, timeoutMs, () => {
      timedOut = true;
      debug(timeoutReason(timeoutMs, connection.status(), opts.modelUrl));
      connection.suspect(); // a silent worker sends no event: probe it so the next call can restart it
      return fallback();
    });
  }

  /** Validates a rank call; invalid input rejects, with a debug line saying what was wrong. */
  function validateRank(items: Item[], options: Parameters<Hearth['rank']>[1]) {
    try {
      const wire = candidateItems(items);
      const { limit, timeoutMs, listId: _listId, ...knobs } = validateRerankOptions(options);
      return { wire, limit, timeoutMs, knobs };
    } catch (err) {
      debug(inputReason(err));
      throw err;
    }
  }

  hearth = {
    async ready(): Promise<ReadyInfo> {
      // The connection starts the worker (init) first; `ready` then waits for the tfjs backend
      // (ranks do not: the plain-JS reference answers them meanwhile) and reports the event count.
      tracks.flush();
      const r = await connection.call((api) => api.ready());
      return { backend: r.backend, events: r.events };
    },
    async track(event) {
      const wire = validateEvent(event);
      // Denied: the event is checked (so integration bugs still show) and then dropped, on the page.
      if (config.consent !== 'denied') await tracks.add(wire);
    },
    rank,
    async rerank(items, options) {
      return (await rank(items, options)).items;
    },
    async forget(what) {
      const request = validateForget(what);
      tracks.flush();
      await callWithin('forget', (api) => api.forget(request));
    },
    async profile() {
      tracks.flush();
      return callWithin('profile', (api) => api.profile());
    },
    async export() {
      tracks.flush();
      const data = await callWithin('export', (api) => api.export());
      return toExport(data.events, data.profile, config.consent ?? 'granted');
    },
    async setConsent(state) {
      const next = validateConsent(state, 'consent');
      if (next === 'denied') tracks.clear();
      else tracks.flush();
      config.consent = next;
      arms?.consent(next);
      // Without a worker yet there is nothing in memory; only a denial must reach storage now.
      if (!connection.started && next !== 'denied') return;
      await callWithin('setConsent', (api) => api.setConsent(next));
    },
    async close() {
      tracks.flush();
      // Closing a Hearth that never started must not spawn a worker just to stop it.
      if (connection.started) await withTimeout(connection.call((api) => api.close()).catch(() => undefined), CLOSE_TIMEOUT_MS, () => undefined);
      connection.close();
    },
    experiment: async () => arms?.get() ?? null,
  };
  return hearth;
}
