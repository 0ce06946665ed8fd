import { createHearth, type RerankOptions } from 'hearth-sdk';

/**
 * The demo's one Hearth instance, created exactly as a shop's app would with the npm package: the
 * worker script and wasm binaries are self-hosted under /hearth/ (see vite.config.ts).
 */
export const WORKER_URL = new URL('/hearth/hearth.worker.js', location.href);
export const DB_NAME = 'hearth-demo';
export const hearth = createHearth({ dbName: DB_NAME, workerUrl: WORKER_URL, timeoutMs: 4_000 });

/** The knobs a product manager moves; every rank call of the page reads them. */
export const knobs: Required<Pick<RerankOptions, 'exploration' | 'diversity' | 'privacyNoise'>> = { exploration: 0, diversity: 0, privacyNoise: 0 };

export function rankOptions(listId: string): RerankOptions {
  return { listId, ...knobs };
}

/** 'history': the stored history changed; 'knobs': a knob moved; 'ranked': the page ranked a list. */
export const bus = new EventTarget();
export const emit = (name: 'history' | 'knobs' | 'ranked', detail?: unknown): boolean => bus.dispatchEvent(new CustomEvent(name, { detail }));
export const on = (name: 'history' | 'knobs' | 'ranked', fn: (detail: unknown) => void): void => bus.addEventListener(name, (e) => fn((e as CustomEvent).detail));

/** Time ago, short. */
export function ago(at: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} d ago`;
}
