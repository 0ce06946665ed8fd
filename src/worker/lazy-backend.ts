import type { BackendChoice, BackendName } from '../core/types.js';
import type { Scorer } from '../core/score/scorer.js';
import type * as TfChunk from './tf/tf-chunk.js';
import { TF_FILE, TF_GLOBAL } from './tf/chunk-files.js';
import { importBeside } from './tf/import-script.js';
import { scheduleBackendStart, type BackendSchedule } from './backend-schedule.js';
import { debug } from '../core/log.js';
import { HEARTH_ERRORS, hearthError } from '../core/errors.js';

type TfChunkModule = typeof TfChunk;

/** `hearth.tf.js`, imported once; a classic script, its exports are the worker global `HearthTf`. */
function loadTfChunk(assetBase: string): TfChunkModule {
  const scope = globalThis as unknown as Record<string, TfChunkModule | undefined>;
  if (!scope[TF_GLOBAL]) importBeside(assetBase, TF_FILE);
  const chunk = scope[TF_GLOBAL];
  if (!chunk) throw new Error(`${TF_FILE} did not define ${TF_GLOBAL}`);
  return chunk;
}

/** The worker's tfjs backend, loaded and chosen off the first rerank's path. */
export interface LazyBackend {
  /**
   * The backend that scores from now on: the tfjs one once it passed its self-test, or `'js'`
   * when none could start (tfjs' script not loadable, every backend failing): ranks then stay
   * on the plain-JS reference, with the same results. Rejects (`HearthClosedError`) if the
   * worker is closed first.
   */
  readonly ready: Promise<BackendName | 'js'>;
  /** The plain-JS bridge just scored: postpone loading tfjs until the page is quiet. */
  activity(): void;
  /** Live tfjs tensors (none before tfjs is loaded). */
  tensorMemory(): { tensors: number; bytes: number };
  close(): void;
}

/**
 * Loads tfjs when the schedule says (`backend-schedule.ts`), picks the backend as before
 * (`tf/select-backend.ts`) and hands its scorer to `use`.
 */
export function startLazyBackend(choice: BackendChoice, assetBase: string, use: (scorer: Scorer) => void, schedule = scheduleBackendStart): LazyBackend {
  let chunk: TfChunkModule | undefined;
  let closed = false;
  let settle!: (backend: BackendName | 'js') => void;
  let abandon!: (err: Error) => void;
  const ready = new Promise<BackendName | 'js'>((resolve, reject) => {
    settle = resolve;
    abandon = reject;
  });
  ready.catch(() => undefined); // a close before anyone asked is not an unhandled rejection

  async function start(): Promise<void> {
    try {
      chunk = loadTfChunk(assetBase);
      const scorer = await chunk.selectBackend(choice, assetBase);
      if (closed) {
        scorer.dispose();
        return;
      }
      use(scorer);
      settle(scorer.backend);
    } catch (err) {
      debug('no tfjs backend; ranks stay on the plain-JS reference scorer', err);
      settle('js');
    }
  }

  const timer: BackendSchedule = schedule(() => void start());
  return {
    ready,
    activity: () => timer.activity(),
    tensorMemory: () => chunk?.tensorMemory() ?? { tensors: 0, bytes: 0 },
    close() {
      closed = true;
      timer.cancel();
      // Nothing waits forever on a closed worker (a no-op once settled).
      abandon(hearthError(HEARTH_ERRORS.closed, 'Hearth was closed before its backend started'));
    },
  };
}
