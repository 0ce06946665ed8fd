import { host } from './host.js';

/**
 * A silent-by-default logger with a fixed prefix. Set `globalThis.HEARTH_DEBUG = true`
 * (page or worker) to see what Hearth decided and why; the shop's console stays clean otherwise.
 */
export function debug(...args: unknown[]): void {
  if (host.HEARTH_DEBUG) host.console?.debug('[hearth]', ...args);
}
