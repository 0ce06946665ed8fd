import type { Dataset } from '../eval/dataset.js';
import { evaluateEngine, evaluatePopRec, type EvalResult, type Protocol } from '../eval/evaluate.js';
import { createNodeScorer, type NodeBackend } from '../eval/backend.js';
import type { Metrics } from '../eval/metrics.js';
import { createDefaultModel } from '../../src/core/model/model.js';
import type { InterestModel } from '../../src/core/model/model-types.js';

export interface EvalRow {
  model: string;
  sampled?: Metrics | undefined;
  full?: Metrics | undefined;
  users: { sampled: number; full: number };
}

export interface ShopEvaluation {
  /** Shoppers with a held-out item (two or more steps). */
  eligible: number;
  /** At most this many shoppers are evaluated (the first ones; 0: all): full ranking scores every item for each. */
  limit: number;
  rows: EvalRow[];
}

/**
 * The report's figures: PopRec, zero-training and the site-trained model on the shop's own
 * shoppers, each one's last step held out (the trained model's refit never saw it), sampled
 * (99 negatives the shopper never engaged with) and full ranking, through the engine as the
 * worker runs it (positionWeight 0, shuffled candidates; `tools/eval/evaluate.ts`).
 */
export async function evaluateShop(ds: Dataset, trained: InterestModel, limit: number, backend: NodeBackend = 'wasm'): Promise<ShopEvaluation> {
  const eligible = ds.sequences.filter((s) => s.length >= 2).length;
  const scorer = await createNodeScorer(backend);
  const base = { target: 'test' as const, seed: 1 };
  const both = async (name: string, run: (protocols: Protocol[], limitUsers?: number) => Promise<EvalResult> | EvalResult): Promise<EvalRow> => {
    const sampled = await run(['sampled'], limit);
    const full = await run(['full'], limit);
    return { model: name, sampled: sampled.sampled, full: full.full, users: { sampled: sampled.users, full: full.users } };
  };
  const lim = (n?: number) => (n ? { limitUsers: n } : {});
  const zero = createDefaultModel({ positionWeight: 0 });
  const site = { ...trained, params: { ...trained.params, positionWeight: 0 } };
  const rows = [
    await both('PopRec', (p, n) => evaluatePopRec(ds, { ...base, protocols: p, ...lim(n) })),
    await both('Hearth zero-training', (p, n) => evaluateEngine(ds, zero, scorer, { ...base, protocols: p, ...lim(n) })),
    await both('Hearth site-trained', (p, n) => evaluateEngine(ds, site, scorer, { ...base, protocols: p, ...lim(n) })),
  ];
  return { eligible, limit, rows };
}
