import type { ConsentState, ExperimentAssignment, HearthExport, InterestProfile, Item, RankResult, ReadyInfo, RerankOptions } from '../../core/types.js';
import type { Hearth, HearthOptions } from '../types.js';
import { debug } from '../../core/log.js';
import { rerankElement, type RerankElementResult } from './rerank-element.js';

/**
 * `window.Hearth` once the script-tag build has loaded. Unlike the npm API, nothing here
 * rejects: a shop's inline script that forgets a `.catch` must not raise unhandled
 * rejections. Invalid input and failures are logged (`HEARTH_DEBUG`) and answered with the
 * original order, `undefined`, or `null` from `ready()` when Hearth cannot run.
 */
export interface HearthGlobal {
  readonly loaded: true;
  ready(): Promise<ReadyInfo | null>;
  track(event: unknown): Promise<void>;
  rerank<T extends Item>(items: T[], options?: RerankOptions): Promise<T[]>;
  rank<T extends Item>(items: T[], options?: RerankOptions): Promise<RankResult<T>>;
  forget(what: unknown): Promise<void>;
  /** The shopper's interests (for a "why am I seeing this" or privacy page); `null` when unavailable. */
  profile(): Promise<InterestProfile | null>;
  /** Everything stored about this shopper; `null` when unavailable. */
  export(): Promise<HearthExport | null>;
  close(): Promise<void>;
  /** Consent from the shop's consent banner: `'granted'`, `'pending'` or `'denied'` (see `Hearth.setConsent`). */
  setConsent(state: ConsentState): Promise<void>;
  /** This browser's experiment arm (`data-experiment`, `data-holdout`); `null` without one. */
  experiment(): Promise<ExperimentAssignment | null>;
  /** Reorders the `data-hearth-item` children of `el` (infinite scroll, filters); see `rerank-element.ts`. */
  rerankElement(el: Element): Promise<RerankElementResult>;
  /** Another instance, with its own options (the npm API's factory). */
  createHearth(options?: HearthOptions): Hearth;
  /** Runs a queued call `[method, args, resolve]`: what snippet stubs push, before or after load. */
  push(this: void, ...calls: unknown[]): number;
}

/** A call as the snippet queues it. */
type QueuedCall = [method: string, args: unknown[], resolve?: (value: unknown) => void];

export function createGlobalApi(hearth: Hearth, factory: (options?: HearthOptions) => Hearth, rerankTimeoutMs: number): HearthGlobal {
  // One line per failure naming the call; the npm API would have rejected with this error.
  const failed = (name: string, err: unknown) => debug(`Hearth.${name}() failed, answering the safe default (the shop's order, undefined or null): ${(err as Error | undefined)?.message ?? String(err)}`);
  const safe = <T>(call: () => Promise<T>, fallback: () => T, name = 'call'): Promise<T> => {
    try {
      return call().catch((err: unknown) => {
        failed(name, err);
        return fallback();
      });
    } catch (err) {
      failed(name, err);
      return Promise.resolve(fallback());
    }
  };
  const copy = <T>(items: T[]): T[] => (Array.isArray(items) ? items.slice() : []);
  const api: HearthGlobal = {
    loaded: true,
    ready: () => safe<ReadyInfo | null>(() => hearth.ready(), () => null, 'ready'),
    track: (event) => safe(() => hearth.track(event as Parameters<Hearth['track']>[0]), () => undefined, 'track'),
    rerank: (items, options) => safe(() => hearth.rerank(items, options), () => copy(items), 'rerank'),
    rank: (items, options) =>
      safe(
        () => hearth.rank(items, options),
        () => ({ items: copy(items), scores: copy(items).map(() => 0), reasons: copy(items).map(() => []), fallback: true, backend: 'none' as const, ms: 0 }),
        'rank',
      ),
    forget: (what) => safe(() => hearth.forget(what as Parameters<Hearth['forget']>[0]), () => undefined, 'forget'),
    profile: () => safe<InterestProfile | null>(() => hearth.profile(), () => null, 'profile'),
    export: () => safe<HearthExport | null>(() => hearth.export(), () => null, 'export'),
    close: () => safe(() => hearth.close(), () => undefined, 'close'),
    setConsent: (state) => safe(() => hearth.setConsent(state), () => undefined, 'setConsent'),
    experiment: () => safe<ExperimentAssignment | null>(() => hearth.experiment(), () => null, 'experiment'),
    rerankElement: (el) =>
      safe(
        () => (el && typeof el.matches === 'function' ? rerankElement(hearth, el, rerankTimeoutMs) : Promise.reject(new Error('rerankElement needs an element'))),
        () => ({ reordered: false, fallback: true }),
        'rerankElement',
      ),
    createHearth: factory,
    push: (...calls) => {
      for (const call of calls) run(call);
      return 0;
    },
  };

  function run(call: unknown): void {
    try {
      if (!Array.isArray(call)) return;
      const [method, args, resolve] = call as QueuedCall;
      const fn = (api as unknown as Record<string, unknown>)[method];
      if (method === 'push' || method === 'createHearth' || typeof fn !== 'function') {
        debug(`unknown queued call ${String(method)}`);
        resolve?.(undefined);
        return;
      }
      const result = (fn as (...a: unknown[]) => Promise<unknown>)(...(Array.isArray(args) ? args : []));
      if (typeof resolve === 'function') result.then(resolve, () => resolve(undefined));
    } catch (err) {
      debug('queued call failed', err);
    }
  }
  return api;
}
