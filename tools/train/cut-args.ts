import { numberArg } from './args.js';
import { parseBytes } from './head-weights.js';
import type { ExportCut } from './model-io.js';

export const CUT_USAGE = '[--download-budget 1MiB] [--head-items N] [--feature-rows N]';

/** The cut the flags ask for, or undefined when none of them is given (the whole table ships). */
export function cutFromArgs(args: Record<string, string>, weights: Pick<ExportCut, 'itemWeights' | 'featureWeights'>): ExportCut | undefined {
  const budget = args['download-budget'];
  const headItems = numberArg(args, 'head-items');
  const featureRows = numberArg(args, 'feature-rows');
  if (budget === undefined && headItems === undefined && featureRows === undefined) return undefined;
  for (const [flag, v] of [['head-items', headItems], ['feature-rows', featureRows]] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v >= 0)) throw new Error(`--${flag} must be a whole number ≥ 0, got '${args[flag]}'`);
  }
  return {
    ...weights,
    ...(budget === undefined ? {} : { budgetBytes: parseBytes(budget, 'download-budget') }),
    ...(headItems === undefined ? {} : { headItems }),
    ...(featureRows === undefined ? {} : { featureRows }),
  };
}
