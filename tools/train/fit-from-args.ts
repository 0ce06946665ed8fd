import os from 'node:os';
import type { Dataset } from '../eval/dataset.js';
import { numberArg, trainOverrides } from './args.js';
import type { FitResult } from './fit.js';
import { fit } from './fit.js';
import { fitParallel } from './fit-parallel.js';
import { createTrainMatMul, type TrainBackend } from './matmul-tf.js';

/**
 * The CLIs' training run (`npm run train`, `bench:accuracy`): the recipe with the command line's
 * overrides, `--no-refit`, `--train-backend wasm|cpu|js`, and `--threads 1|2` (default: 2 where
 * the machine has two cores; both give the same model, `fit-parallel.ts`).
 */
export async function fitFromArgs(ds: Dataset, args: Record<string, string>, log: (line: string) => void): Promise<FitResult> {
  const backend = (args['train-backend'] ?? 'wasm') as TrainBackend;
  const threads = numberArg(args, 'threads') ?? Math.min(2, os.availableParallelism());
  const options = { config: trainOverrides(args), refit: args['no-refit'] !== 'true', log };
  if (threads >= 2) return fitParallel(ds, { ...options, backend });
  return fit(ds, { ...options, matMul: await createTrainMatMul(backend) });
}
