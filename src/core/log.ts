/**
 * A silent-by-default logger with a fixed prefix. Set `globalThis.HEARTH_DEBUG = true`
 * (page or worker) to see what Hearth decided and why; the shop's console stays clean otherwise.
 */
export function debug(...args: unknown[]): void {
  if ((globalThis as { HEARTH_DEBUG?: boolean }).HEARTH_DEBUG) console.debug('[hearth]', ...args);
}
