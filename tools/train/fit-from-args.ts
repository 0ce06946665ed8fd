import os from 'node:os';
import type { Dataset } from '../eval/dataset.js';
import { numberArg, trainOverrides } from './args.js';
import { trainedShoppers } from './bounded-fit.js';
import type { FitResult } from './fit.js';
import { fit } from './fit.js';
import { fitParallel } from './fit-parallel.js';
import { createTrainMatMul, type TrainBackend } from './matmul-tf.js';
import type { TrainConfig } from './train-config.js';
import { readWarmStart, WARM_EPOCHS } from './warm-start.js';

/**
 * The CLIs' training run (`npm run train`, `bench:accuracy`): the recipe with the command line's
 * overrides, `--no-refit`, `--train-backend wasm|cpu|js`, and `--threads 1|2` (default: 2 where
 * the machine has two cores; both give the same model, `fit-parallel.ts`). Bounded fit:
 * `--max-sequences N`, `--budget-minutes M`; warm start: `--init <model dir>` (`warm-start.ts`).
 */
export async function fitFromArgs(ds: Dataset, args: Record<string, string>, log: (line: string) => void): Promise<FitResult> {
  const backend = (args['train-backend'] ?? 'wasm') as TrainBackend;
  const threads = numberArg(args, 'threads') ?? Math.min(2, os.availableParallelism());
  const config: Partial<TrainConfig> = trainOverrides(args);
  const warm = args.init !== undefined ? readWarmStart(args.init) : undefined;
  if (warm) {
    // Fewer epochs, continuing the learning-rate decay where the previous model's run ended.
    config.epochs ??= WARM_EPOCHS;
    config.scheduleOffset ??= warm.epochs;
    log(`warm start from ${args.init} (${warm.epochs} epochs): up to ${config.epochs} more, learning rate from epoch ${config.scheduleOffset + 1} of the schedule`);
  }
  const trainOn = trainedShoppers(ds, numberArg(args, 'max-sequences'));
  if (trainOn) log(`bounded fit: training on the last ${numberArg(args, 'max-sequences')} of ${ds.sequences.length} shoppers' sequences (all of them validate)`);
  const budgetMinutes = numberArg(args, 'budget-minutes');
  const options = {
    config,
    refit: args['no-refit'] !== 'true',
    log,
    ...(trainOn ? { trainOn } : {}),
    ...(budgetMinutes !== undefined ? { budgetMinutes } : {}),
    ...(warm ? { init: warm.model } : {}),
  };
  if (threads >= 2) return fitParallel(ds, { ...options, backend });
  return fit(ds, { ...options, matMul: await createTrainMatMul(backend) });
}
