import type { Item, RankResult, Reason } from '../../core/types.js';
import type { WorkerRankResult } from '../../core/wire/protocol.js';

const now = () => performance.now();

/** The shop's own order: what every failure returns. */
export function fallbackResult<T extends Item>(items: readonly T[], limit: number | undefined, startedAt: number): RankResult<T> {
  const out = limit === undefined ? items.slice() : items.slice(0, limit);
  return { items: out, scores: out.map(() => 0), reasons: out.map(() => []), fallback: true, backend: 'none', ms: now() - startedAt };
}

/** Maps the worker's order (indices of the scored head) back onto the caller's own objects. */
export function rankedResult<T extends Item>(items: readonly T[], result: WorkerRankResult, limit: number | undefined, startedAt: number): RankResult<T> {
  const seen = new Uint8Array(items.length);
  const order: number[] = [];
  for (const i of result.order) {
    if (Number.isInteger(i) && i >= 0 && i < items.length && !seen[i]) {
      seen[i] = 1;
      order.push(i);
    }
  }
  // Items the worker did not score (past the candidate cap) follow in their original order.
  for (let i = 0; i < items.length; i++) if (!seen[i]) order.push(i);
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
