import { wrap, releaseProxy, type Remote } from 'comlink';
import type { InitConfig, WorkerApi, WorkerReady } from '../worker/protocol.js';
import { spawnWorker } from './spawn-worker.js';
import { debug } from '../core/log.js';

/** Milliseconds to wait before restarting a worker that died, doubling per failure. */
const RESTART_BACKOFF_MS = [0, 1_000, 5_000, 30_000] as const;

export interface Connection {
  /** Runs `fn` on the worker, rejecting at once if the worker dies (comlink alone would hang). */
  call<T>(fn: (api: Remote<WorkerApi>, ready: WorkerReady) => Promise<T>): Promise<T>;
  /** True once a worker has been started (and not closed). */
  readonly started: boolean;
  close(): void;
}

interface Live {
  worker: Worker;
  api: Remote<WorkerApi>;
  ready: Promise<WorkerReady>;
  /** Rejects when the worker dies; never resolves. */
  dead: Promise<never>;
}

/**
 * Owns the worker's life: lazy start, death detection (load errors, uncaught errors,
 * message errors), and restart with back-off on the next call after a death.
 */
export function createConnection(workerUrl: URL, config: InitConfig): Connection {
  let live: Live | undefined;
  let failures = 0;
  let diedAt = 0;
  let closed = false;

  function start(): Live {
    let die!: (reason: Error) => void;
    const dead = new Promise<never>((_, reject) => (die = reject));
    dead.catch(() => undefined); // observed through races; never an unhandled rejection
    let worker: Worker;
    try {
      worker = spawnWorker(workerUrl);
    } catch (err) {
      failures++;
      diedAt = Date.now();
      die(Object.assign(new Error(`Hearth worker could not start: ${(err as Error).message}`), { name: 'HearthWorkerError' }));
      return { worker: undefined as unknown as Worker, api: undefined as unknown as Remote<WorkerApi>, ready: dead, dead };
    }
    const onDeath = (what: string) => {
      debug('worker died:', what);
      failures++;
      diedAt = Date.now();
      worker.terminate();
      if (live?.worker === worker) live = undefined;
      die(Object.assign(new Error(`Hearth worker failed: ${what}`), { name: 'HearthWorkerError' }));
    };
    worker.addEventListener('error', (e) => {
      e.preventDefault(); // keep the shop's console and error trackers free of our failures
      onDeath(e.message || 'could not load the worker script');
    });
    worker.addEventListener('messageerror', () => onDeath('a message could not be deserialised'));
    const api = wrap<WorkerApi>(worker);
    const ready = Promise.race([api.init(config), dead]);
    ready.then(() => (failures = 0)).catch(() => undefined);
    return { worker, api, ready, dead };
  }

  function current(): Live {
    if (closed) throw Object.assign(new Error('Hearth is closed'), { name: 'HearthClosedError' });
    if (!live) {
      const wait = RESTART_BACKOFF_MS[Math.min(failures, RESTART_BACKOFF_MS.length - 1)]!;
      if (failures > 0 && Date.now() - diedAt < wait) {
        throw Object.assign(new Error(`Hearth worker is restarting (back-off ${wait} ms)`), { name: 'HearthWorkerError' });
      }
      const started = start();
      if (!started.worker) return started; // died at birth: answer this call, retry after back-off
      live = started;
    }
    return live;
  }

  return {
    async call(fn) {
      const l = current();
      const ready = await l.ready;
      return Promise.race([fn(l.api, ready), l.dead]);
    },
    get started() {
      return live !== undefined;
    },
    close() {
      closed = true;
      if (live?.api) live.api[releaseProxy]();
      live?.worker?.terminate();
      live = undefined;
    },
  };
}
