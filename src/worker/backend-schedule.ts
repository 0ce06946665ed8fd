/**
 * When the worker loads tfjs. Evaluating `hearth.tf.js` blocks the worker's only thread for a
 * while (BENCHMARKS.md › Figures moved from code comments), and a rank that arrives meanwhile waits for it. Pages rank at load and
 * then on the shopper's actions, so the quiet moment is right after the first answers: the
 * start waits until no plain-JS score was made for `quietMs`, and at most `maxWaitMs` after
 * the store opened (a page that ranks nothing soon still gets its backend).
 */
export interface BackendSchedule {
  /** A rank was just answered by the plain-JS bridge: wait for quiet again. */
  activity(): void;
  cancel(): void;
}

export const BACKEND_TIMING = { quietMs: 50, maxWaitMs: 1_000 } as const;

export function scheduleBackendStart(start: () => void, timing: { quietMs: number; maxWaitMs: number } = BACKEND_TIMING): BackendSchedule {
  let done = false;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    if (done) return;
    done = true;
    clearTimeout(quiet);
    clearTimeout(cap);
    start();
  };
  const cap = setTimeout(fire, timing.maxWaitMs);
  return {
    activity() {
      if (done) return;
      clearTimeout(quiet);
      quiet = setTimeout(fire, timing.quietMs);
    },
    cancel() {
      done = true;
      clearTimeout(quiet);
      clearTimeout(cap);
    },
  };
}
