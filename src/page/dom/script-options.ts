import type { HearthOptions } from '../types.js';
import { debug } from '../../core/log.js';
import { isRecord } from './item-fields.js';

/** Where automatic tracking reads shopper actions from. */
export const TRACK_SOURCES = ['datalayer', 'segment', 'jsonld', 'dom'] as const;
export type TrackSource = (typeof TRACK_SOURCES)[number];

export interface ScriptOptions {
  hearth: HearthOptions;
  /** Sources of automatic tracking; all by default, none with `data-track="off"`. */
  track: TrackSource[];
  /** Reorder `[data-hearth-rerank]` containers on load; default true. */
  rerank: boolean;
  /** Time budget of a DOM rerank, milliseconds, worker start-up included; default 1000. */
  rerankTimeoutMs: number;
  /** `data-debug`: the same as setting `window.HEARTH_DEBUG = true` before the tag. */
  debug: boolean;
}

/**
 * Options of the script-tag build: `data-` attributes of its own `<script>` tag, then the
 * snippet's options object (which wins). Names are the camelCase options of `createHearth`
 * (`data-db-name`, `data-backend`, `data-model-url`, `data-worker-url`, `data-timeout-ms`,
 * `data-max-events`, `data-consent`, `data-respect-global-privacy-control`, `data-consent-from`,
 * `data-experiment` with `data-holdout`) plus `data-track`,
 * `data-rerank`, `data-rerank-timeout-ms`, `data-debug`. Bad values of ours are logged and replaced by
 * defaults; `createHearth` validates its own (and a bad one leaves Hearth recording nothing).
 */
export function readScriptOptions(script: HTMLScriptElement | null | undefined, snippet: unknown): ScriptOptions {
  const raw: Record<string, unknown> = { ...(script ? { ...script.dataset } : {}), ...(isRecord(snippet) ? snippet : {}) };
  const hearth: HearthOptions = {};
  if (raw.dbName !== undefined) hearth.dbName = raw.dbName as string;
  if (raw.backend !== undefined) hearth.backend = raw.backend as HearthOptions['backend'];
  if (raw.modelUrl !== undefined) hearth.modelUrl = raw.modelUrl as string;
  if (raw.workerUrl !== undefined) hearth.workerUrl = raw.workerUrl as string;
  if (raw.timeoutMs !== undefined) hearth.timeoutMs = Number(raw.timeoutMs);
  if (raw.maxEvents !== undefined) hearth.maxEvents = Number(raw.maxEvents);
  if (raw.consent !== undefined) hearth.consent = raw.consent as HearthOptions['consent'];
  if (raw.respectGlobalPrivacyControl !== undefined) hearth.respectGlobalPrivacyControl = flag(raw.respectGlobalPrivacyControl);
  if (raw.consentFrom !== undefined) hearth.consentFrom = raw.consentFrom as HearthOptions['consentFrom'];
  // `data-experiment="hearth-2025-q3" data-holdout="0.2"`; a missing holdout is rejected by createHearth.
  if (raw.experiment !== undefined) hearth.experiment = { id: raw.experiment as string, holdout: raw.holdout === undefined ? NaN : Number(raw.holdout) };
  return {
    hearth,
    track: trackSources(raw.track),
    rerank: raw.rerank === undefined ? true : flag(raw.rerank),
    rerankTimeoutMs: milliseconds(raw.rerankTimeoutMs, 1_000),
    debug: raw.debug !== undefined && flag(raw.debug),
  };
}

function trackSources(value: unknown): TrackSource[] {
  if (value === undefined || value === true || value === 'true' || value === 'all' || value === '') return [...TRACK_SOURCES];
  if (value === false || !flag(value)) return [];
  const words: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [value];
  const out: TrackSource[] = [];
  for (const w of words) {
    if ((TRACK_SOURCES as readonly unknown[]).includes(w)) out.push(w as TrackSource);
    else if (w) debug(`unknown track source ${JSON.stringify(w)}; valid: ${TRACK_SOURCES.join(', ')}`);
  }
  return out;
}

function flag(value: unknown): boolean {
  return !(value === false || value === 'false' || value === 'off' || value === 'none' || value === '0' || value === 0);
}

function milliseconds(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (Number.isFinite(n) && n >= 0) return n;
  debug(`invalid rerankTimeoutMs ${JSON.stringify(value)}; using ${fallback}`);
  return fallback;
}
