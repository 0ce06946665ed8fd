import type { Item, MerchandisingRules, RankResult, Reason } from '../../core/types.js';
import type { WireItem } from '../../core/wire/wire.js';
import type { WorkerRankResult } from '../../core/wire/protocol.js';
import { applyRules, itemMatches, PROMOTED_REASON } from '../../core/rank/rules.js';

const now = () => performance.now();

/**
 * The shop's own order: what every failure returns, with the shop's rules applied (without the
 * history, which only the worker reads: `purchased`/`inCart` matches match nothing here).
 */
export function fallbackResult<T extends Item>(items: readonly T[], limit: number | undefined, startedAt: number, wire?: readonly WireItem[], rules?: MerchandisingRules): RankResult<T> {
  let order = items.map((_, i) => i);
  let promoted: boolean[] = [];
  if (rules && wire) ({ order, promoted } = applyRules(wire, order, rules));
  const kept = limit === undefined ? order : order.slice(0, limit);
  return {
    items: kept.map((i) => items[i]!),
    scores: kept.map(() => 0),
    reasons: kept.map((i) => (promoted[i] ? [{ ...PROMOTED_REASON }] : [])),
    fallback: true,
    backend: 'none',
    ms: now() - startedAt,
  };
}

/**
 * Maps the worker's order (indices of the scored head) back onto the caller's own objects.
 * Items past the head follow in their original order, less those the rules exclude.
 */
export function rankedResult<T extends Item>(items: readonly T[], result: WorkerRankResult, limit: number | undefined, startedAt: number, wire?: readonly WireItem[], rules?: MerchandisingRules): RankResult<T> {
  const seen = new Uint8Array(items.length);
  const order: number[] = [];
  for (const i of result.order) {
    if (Number.isInteger(i) && i >= 0 && i < items.length && !seen[i]) {
      seen[i] = 1;
      order.push(i);
    }
  }
  for (const i of result.excluded ?? []) if (Number.isInteger(i) && i >= 0 && i < items.length) seen[i] = 1;
  const exclude = rules?.exclude ?? [];
  // Items the worker did not score (past the candidate cap) follow in their original order.
  for (let i = 0; i < items.length; i++) if (!seen[i] && !(wire && exclude.some((m) => itemMatches(wire[i]!, m, undefined)))) order.push(i);
  const kept = limit === undefined ? order : order.slice(0, limit);
  // The worker lists reasons by place (the first places only); look them up by candidate.
  const reasonsOf = new Map<number, Reason[]>();
  result.reasons.forEach((r, k) => {
    const i = result.order[k];
    if (i !== undefined && seen[i] && !reasonsOf.has(i)) reasonsOf.set(i, r);
  });
  return {
    items: kept.map((i) => items[i]!),
    scores: kept.map((i) => result.scores[i] ?? 0),
    reasons: kept.map((i) => reasonsOf.get(i) ?? []),
    fallback: false,
    backend: result.backend,
    ms: now() - startedAt,
    ...(result.epsilon === undefined ? {} : { epsilon: result.epsilon }),
  };
}
