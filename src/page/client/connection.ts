import { wrap, releaseProxy, type Remote } from 'comlink';
import type { InitConfig, WorkerApi, WorkerReady } from '../../core/wire/protocol.js';
import { spawnWorker } from './spawn-worker.js';
import { debug } from '../../core/log.js';
import { HEARTH_ERRORS, hearthError } from '../../core/errors.js';

/** Wait before the n-th consecutive restart (the first is immediate), then at most 30 s apart. */
const RESTART_BACKOFF_MS = [0, 1_000, 5_000, 30_000] as const;
/** A worker that does not answer a ping within this is taken for dead (it may have called close()). */
const PING_TIMEOUT_MS = 2_000;
/** Before init has finished, the worker may still be parsing its script on a slow device: be patient. */
const STARTUP_PING_TIMEOUT_MS = 10_000;
/** A call pending this long makes the connection ping the worker, whatever the call's own budget. */
const WATCHDOG_MS = 1_000;

export interface Connection {
  /** Runs `fn` on the worker, rejecting at once if the worker dies (comlink alone would hang). */
  call<T>(fn: (api: Remote<WorkerApi>, ready: WorkerReady) => Promise<T>): Promise<T>;
  /**
   * Tells the connection a call ran out of time. It pings the worker and, without an answer,
   * declares it dead: a worker that closed itself or hung sends no event, so this is the only way
   * to notice it and restart.
   */
  suspect(): void;
  /** True once a worker has been started (and not closed). */
  readonly started: boolean;
  /** Where the worker's start-up stands, for debug messages (fallback-reason.ts). */
  status(): ConnectionStatus;
  close(): void;
}

export interface ConnectionStatus {
  /** `starting`: init not answered yet; `scoring`: init done, tfjs still loading; `up`: both done. */
  phase: 'not started' | 'starting' | 'scoring' | 'up' | 'closed';
  /** Milliseconds since the current worker was created. */
  ageMs?: number;
  /** Deaths since the last successful start. */
  failures: number;
}

interface Live {
  worker: Worker;
  api: Remote<WorkerApi>;
  ready: Promise<WorkerReady>;
  /** Rejects when the worker dies; never resolves. */
  dead: Promise<never>;
  kill(reason: string): void;
  /** Ends the worker for `close()`: calls in flight reject as closed, and a later kill does nothing. */
  stop(): void;
  pinging: boolean;
  /** performance.now() when this worker was created. */
  startedAt: number;
  initialised: boolean;
  /**
   * The worker's tfjs backend is up. Until then the worker may be busy for a long while in one
   * go (evaluating the tfjs script, compiling wasm or shaders) right after init answered, so pings
   * keep the start-up patience: a slow phone must not be taken for a dead worker and restarted.
   */
  backendUp: boolean;
}

function workerError(message: string): Error {
  return hearthError(HEARTH_ERRORS.worker, message);
}

/** Pings `l` (once at a time); no answer within PING_TIMEOUT_MS means it is dead. */
function probe(l: Live): void {
  if (l.pinging) return;
  l.pinging = true;
  let answered = false;
  const limit = l.initialised && l.backendUp ? PING_TIMEOUT_MS : STARTUP_PING_TIMEOUT_MS;
  const timer = setTimeout(() => !answered && l.kill(`no answer to a ping within ${limit} ms`), limit);
  Promise.race([l.api.ping(), l.dead])
    .then(() => (answered = true))
    .catch(() => undefined)
    .finally(() => {
      clearTimeout(timer);
      l.pinging = false;
    });
}

/**
 * Owns the worker's life: lazy start, death detection (load errors, uncaught errors, message
 * errors, silence), and restart with back-off on the next call after a death. Every pending
 * call races the worker's death, so none can hang on a dead worker.
 */
// eslint-disable-next-line max-lines-per-function -- one closure owns the worker's life: start, death and restart share its state (live, failures, diedAt, closed)
export function createConnection(workerUrl: URL, config: InitConfig): Connection {
  let live: Live | undefined;
  let failures = 0;
  let diedAt = 0;
  let closed = false;

  function start(): Live | undefined {
    let die!: (reason: Error) => void;
    const dead = new Promise<never>((_, reject) => (die = reject));
    dead.catch(() => undefined); // observed through races; never an unhandled rejection
    const noteDeath = () => {
      failures++;
      diedAt = Date.now();
    };
    let worker: Worker;
    try {
      worker = spawnWorker(workerUrl);
    } catch (err) {
      // CSP without worker-src, or no Worker at all: nothing to restart until the back-off passes.
      noteDeath();
      debug('worker could not start', err);
      return undefined;
    }
    let killed = false;
    // Once only: a ping's timer or a worker error may still fire after a close, and a released
    // comlink proxy throws when released again.
    const end = (reason: Error) => {
      if (killed) return;
      killed = true;
      if (live === l) live = undefined;
      l.api[releaseProxy]();
      worker.terminate();
      die(reason);
    };
    const l: Live = {
      worker,
      api: wrap<WorkerApi>(worker),
      ready: dead,
      dead,
      pinging: false,
      startedAt: performance.now(),
      initialised: false,
      backendUp: false,
      kill(reason) {
        if (killed) return;
        debug('worker died:', reason);
        noteDeath();
        end(workerError(`Hearth worker failed: ${reason}`));
      },
      stop: () => end(hearthError(HEARTH_ERRORS.closed, 'Hearth is closed')),
    };
    worker.addEventListener('error', (e) => {
      e.preventDefault(); // keep the shop's console and error trackers free of our failures
      l.kill(e.message || 'could not load the worker script');
    });
    worker.addEventListener('messageerror', () => l.kill('a message could not be deserialised'));
    l.ready = Promise.race([l.api.init(config), dead]);
    l.ready
      .then(() => {
        failures = 0;
        l.initialised = true;
        return Promise.race([l.api.ready(), dead]);
      })
      .then(() => (l.backendUp = true))
      .catch(() => undefined);
    return l;
  }

  function current(): Live {
    if (closed) throw hearthError(HEARTH_ERRORS.closed, 'Hearth is closed');
    if (!live) {
      const wait = failures === 0 ? 0 : RESTART_BACKOFF_MS[Math.min(failures - 1, RESTART_BACKOFF_MS.length - 1)]!;
      if (Date.now() - diedAt < wait) throw workerError(`Hearth worker is restarting (back-off ${wait} ms)`);
      live = start();
      if (!live) throw workerError('Hearth worker could not start (blocked by CSP?)');
    }
    return live;
  }

  return {
    async call(fn) {
      const l = current();
      const watchdog = setInterval(() => probe(l), WATCHDOG_MS);
      try {
        const ready = await l.ready;
        return await Promise.race([fn(l.api, ready), l.dead]);
      } finally {
        clearInterval(watchdog);
      }
    },
    suspect() {
      if (live) probe(live);
    },

    get started() {
      return live !== undefined;
    },
    status() {
      if (closed) return { phase: 'closed', failures };
      if (!live) return { phase: 'not started', failures };
      const phase = !live.initialised ? 'starting' : live.backendUp ? 'up' : 'scoring';
      return { phase, ageMs: performance.now() - live.startedAt, failures };
    },
    close() {
      closed = true;
      live?.stop();
      live = undefined;
    },
  };
}
