import { host } from './host.js';

/**
 * Debug stage timings of the rank path, off unless asked for: set `globalThis.HEARTH_TIMINGS = []`
 * (page or worker; from DevTools or a benchmark) and each rank pushes one record of named stamps
 * there. Stamps are epoch milliseconds (`timeOrigin + now()`), so page and worker records compare.
 */
export type Stamps = Record<string, number | string>;

/** Records kept at most; older ones go first. */
const KEEP = 5_000;

function sink(): Stamps[] | undefined {
  const s = host.HEARTH_TIMINGS;
  return Array.isArray(s) && host.performance ? s : undefined;
}

/** Whether timings are on here. */
export const timingsOn = (): boolean => sink() !== undefined;

/** A new record of `kind` stamped `start`, or undefined while timings are off (the usual case). */
export function startStamps(kind: string): Stamps | undefined {
  const s = sink();
  if (!s) return undefined;
  const record: Stamps = { kind, start: host.performance!.timeOrigin + host.performance!.now() };
  if (s.length >= KEEP) s.shift();
  s.push(record);
  return record;
}

/** Stamps `name` on `record` now; nothing when timings are off. */
export function stamp(record: Stamps | undefined, name: string): void {
  if (record) record[name] = host.performance!.timeOrigin + host.performance!.now();
}

/** The records so far (a copy), or undefined while timings are off. */
export function timingRecords(): Stamps[] | undefined {
  return sink()?.slice();
}

/** The newest record (the rank under way), for stages that do not hold it, such as the scorer. */
export function lastStamps(): Stamps | undefined {
  const s = sink();
  return s?.[s.length - 1];
}
