import { FEATURE_FIELDS, type FeatureField } from '../../src/core/model/model-types.js';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from './train-config.js';

/** Minimal `--key value` / `--flag` parser for the trainer and benchmark CLIs. */
export function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument '${a}'`);
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) out[a.slice(2)] = argv[++i]!;
    else out[a.slice(2)] = 'true';
  }
  return out;
}

export function numberArg(args: Record<string, string>, key: string): number | undefined {
  if (args[key] === undefined) return undefined;
  const v = Number(args[key]);
  if (!Number.isFinite(v)) throw new Error(`--${key} must be a number, got '${args[key]}'`);
  return v;
}

/** Trainer knobs settable from the command line (all optional; defaults in DEFAULT_TRAIN_CONFIG). */
export function trainOverrides(args: Record<string, string>): Partial<TrainConfig> {
  const out: Record<string, unknown> = {};
  const flags: Record<string, keyof TrainConfig> = { dims: 'dims', window: 'window', negatives: 'negatives', batch: 'batch', lr: 'lr', 'lr-decay': 'lrDecay', l2: 'l2', epochs: 'epochs', seed: 'seed', 'popular-negatives': 'popularNegatives', 'schedule-offset': 'scheduleOffset' };
  for (const [flag, key] of Object.entries(flags)) {
    const v = numberArg(args, flag);
    if (v !== undefined) out[key] = v;
  }
  if (args.logq !== undefined) out.logQ = args.logq !== 'false';
  if (args['next-items'] !== undefined) out.nextItems = args['next-items'] !== 'false';
  const fields = fieldOverrides(args.fields);
  if (fields) out.fields = { ...DEFAULT_TRAIN_CONFIG.fields, ...fields };
  return out;
}

/** `--fields bias=0,word=0`: feature groups switched off (0) or on (1) against the default recipe. */
function fieldOverrides(spec: string | undefined): Partial<Record<FeatureField, number>> | undefined {
  if (spec === undefined) return undefined;
  const out: Partial<Record<FeatureField, number>> = {};
  for (const part of spec.split(',')) {
    const [name, value] = part.split('=');
    if (!(FEATURE_FIELDS as readonly string[]).includes(name!)) throw new Error(`--fields: unknown field '${name}', expected one of ${FEATURE_FIELDS.join(', ')}`);
    const w = Number(value);
    if (!Number.isFinite(w)) throw new Error(`--fields: '${part}' needs a number, e.g. ${name}=0`);
    out[name as FeatureField] = w;
  }
  return out;
}
