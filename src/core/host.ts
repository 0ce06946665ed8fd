/**
 * What the core takes from its host: only what a browser window, a worker and Node all provide.
 * The core compiles without DOM or Node types (tsconfig.core.json), so these are named here.
 */
interface Host {
  console?: { debug(...args: unknown[]): void };
  crypto: { getRandomValues<T extends Uint32Array>(array: T): T };
  /** Set to true (page or worker) to see Hearth's decisions in the console. */
  HEARTH_DEBUG?: boolean;
  /** An array here turns on the rank path's stage timings (`timings.ts`). */
  HEARTH_TIMINGS?: unknown;
  performance?: { now(): number; readonly timeOrigin: number };
}

export const host = globalThis as unknown as Host;
