import type { ConsentState, ExperimentArm, ExperimentAssignment, ExperimentOptions } from '../../core/types.js';
import { inputError, isRecord } from '../../core/wire/validate.js';
import { debug } from '../../core/log.js';

export function validateExperiment(value: unknown): ExperimentOptions | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw inputError('options.experiment', 'an object like { id, holdout }', value);
  const { id, holdout } = value;
  if (typeof id !== 'string' || id.trim() === '' || id.length > 256) throw inputError('options.experiment.id', 'a non-empty string of at most 256 characters', id);
  if (typeof holdout !== 'number' || !Number.isFinite(holdout) || holdout < 0 || holdout > 1) throw inputError('options.experiment.holdout', 'a number between 0 and 1', holdout);
  return { id, holdout };
}

/** A uniform draw in [0, 1) from the platform's cryptographic generator: arms never follow behaviour. */
export function cryptoUniform(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
}

/** The arm for one draw `u` in [0, 1): the first `holdout` share is held out. */
export const armOf = (u: number, holdout: number): ExperimentArm => (u < holdout ? 'holdout' : 'personalised');

export interface Arms {
  /** This browser's assignment (drawn on first use). */
  get(): ExperimentAssignment;
  /** Consent changed: granted stores the arm, denied deletes it (the arm stays for this page). */
  consent(state: ConsentState): void;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function localStore(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // sandboxed frames and some private modes throw on access
  }
}

/**
 * Each browser's arm, drawn at random once per experiment id and kept in localStorage (shared by
 * every tab and kept across reloads; synchronous, so the first rank of a page already knows it).
 * Only with consent 'granted': otherwise the arm is drawn per page and kept in memory, and a
 * denial deletes the stored one. A new experiment id replaces the old entry and draws again.
 */
export function createArms(experiment: ExperimentOptions, key: string, consent: ConsentState, random: () => number = cryptoUniform, store: StorageLike | undefined = localStore()): Arms {
  let current: ExperimentAssignment | undefined;
  let state = consent;
  const read = (): ExperimentAssignment | undefined => {
    try {
      const saved: unknown = JSON.parse(store?.getItem(key) ?? 'null');
      if (isRecord(saved) && saved.id === experiment.id && (saved.arm === 'holdout' || saved.arm === 'personalised')) return { id: experiment.id, arm: saved.arm };
    } catch (err) {
      debug('stored experiment arm unreadable; drawing again', err);
    }
    return undefined;
  };
  const write = () => {
    try {
      if (state === 'granted' && current) store?.setItem(key, JSON.stringify(current));
      else if (state === 'denied') store?.removeItem(key);
    } catch (err) {
      debug('experiment arm not stored', err);
    }
  };
  return {
    get() {
      if (!current) {
        current = (state !== 'denied' ? read() : undefined) ?? { id: experiment.id, arm: armOf(random(), experiment.holdout) };
        write();
      }
      return current;
    },
    consent(next) {
      state = next;
      write();
    },
  };
}

const EXPOSED = Symbol.for('hearth.exposed');

/**
 * Tells the shop's analytics the arm, once per page view and experiment: a `hearth_exposure`
 * push into `window.dataLayer` when the page has one (never created by Hearth), and a
 * `hearth:exposure` event on the document either way. Only the experiment id and the arm.
 */
export function announceExposure(assignment: ExperimentAssignment): void {
  if (typeof window === 'undefined') return;
  const w = window as unknown as Record<symbol, Set<string> | undefined> & { dataLayer?: unknown };
  const exposed = (w[EXPOSED] ??= new Set<string>());
  if (exposed.has(assignment.id)) return;
  exposed.add(assignment.id);
  try {
    const layer = w.dataLayer as { push?: unknown } | undefined;
    if (layer && typeof layer.push === 'function') (layer.push as (e: unknown) => void)({ event: 'hearth_exposure', hearth_experiment: assignment.id, hearth_arm: assignment.arm });
  } catch (err) {
    debug('hearth_exposure not pushed', err);
  }
  try {
    document.dispatchEvent(new CustomEvent('hearth:exposure', { bubbles: true, detail: { experiment: assignment.id, arm: assignment.arm } }));
  } catch (err) {
    debug('hearth:exposure not dispatched', err);
  }
}
