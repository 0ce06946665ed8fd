import { inputError } from '../../core/wire/validate.js';
import { LIMITS } from '../../core/wire/limits.js';
import { BACKEND_CHOICES } from './backend-choices.js';
import { CONSENT_STATES, type BackendChoice, type ConsentState } from '../../core/types.js';
import type { ExperimentOptions } from '../../core/types.js';
import type { HearthOptions } from '../types.js';
import { validateExperiment } from './experiment.js';
import { CONSENT_SOURCES, type ConsentSource } from './consent-from.js';

export function validateConsent(value: unknown, field: string): ConsentState {
  if (!(CONSENT_STATES as readonly unknown[]).includes(value)) throw inputError(field, `one of ${CONSENT_STATES.map((c) => `'${c}'`).join(', ')}`, value);
  return value as ConsentState;
}

export interface ResolvedOptions {
  dbName: string;
  backend: BackendChoice;
  modelUrl?: string;
  workerUrl?: URL;
  timeoutMs: number;
  maxEvents?: number;
  consent: ConsentState;
  /** Absent when Global Privacy Control already denied. */
  consentFrom?: ConsentSource;
  experiment?: ExperimentOptions;
}

/** Fails fast on a bad option, listing the valid values. */
export function resolveOptions(options: HearthOptions = {}, base?: string): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw inputError('options', 'an object', options);
  const { dbName = 'hearth', backend = 'auto', modelUrl, workerUrl, timeoutMs = 50, maxEvents, consent = 'granted', respectGlobalPrivacyControl = false } = options;
  if (typeof dbName !== 'string' || !dbName || dbName.length > LIMITS.dbNameLength) throw inputError('options.dbName', `a non-empty string of at most ${LIMITS.dbNameLength} characters`, dbName);
  if (!(BACKEND_CHOICES as readonly unknown[]).includes(backend)) throw inputError('options.backend', `one of ${BACKEND_CHOICES.map((b) => `'${b}'`).join(', ')}`, backend);
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs < 0) throw inputError('options.timeoutMs', 'a finite number of milliseconds ≥ 0', timeoutMs);
  if (modelUrl !== undefined && (typeof modelUrl !== 'string' || !modelUrl)) throw inputError('options.modelUrl', 'a URL string', modelUrl);
  if (maxEvents !== undefined && !(Number.isInteger(maxEvents) && maxEvents >= 100 && maxEvents <= 1_000_000)) {
    throw inputError('options.maxEvents', 'an integer between 100 and 1000000', maxEvents);
  }
  validateConsent(consent, 'options.consent');
  if (typeof respectGlobalPrivacyControl !== 'boolean') throw inputError('options.respectGlobalPrivacyControl', 'a boolean', respectGlobalPrivacyControl);
  // Global Privacy Control is the shopper's own "do not track me" signal; the shop opts in to honour it.
  const gpc = respectGlobalPrivacyControl && typeof navigator !== 'undefined' && (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const { consentFrom } = options;
  if (consentFrom !== undefined && !(CONSENT_SOURCES as readonly unknown[]).includes(consentFrom)) throw inputError('options.consentFrom', `one of ${CONSENT_SOURCES.map((c) => `'${c}'`).join(', ')}`, consentFrom);
  const experiment = validateExperiment(options.experiment);
  const resolved: ResolvedOptions = { dbName, backend, timeoutMs, consent: gpc ? 'denied' : consent };
  if (consentFrom && !gpc) resolved.consentFrom = consentFrom;
  if (experiment) resolved.experiment = experiment;
  if (maxEvents !== undefined) resolved.maxEvents = maxEvents;
  if (modelUrl) resolved.modelUrl = new URL(modelUrl, base).href;
  if (workerUrl !== undefined) {
    try {
      resolved.workerUrl = new URL(String(workerUrl), base);
    } catch {
      throw inputError('options.workerUrl', 'a URL', workerUrl);
    }
  }
  return resolved;
}
