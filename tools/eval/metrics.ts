/**
 * Ranking metrics for one relevant item per user (leave-one-out). `rank` is 0-based: the number
 * of candidates placed above the target.
 */
export const HR_KS = [1, 5, 10, 20] as const;
export const NDCG_KS = [5, 10, 20] as const;

export interface Metrics {
  users: number;
  hr: Record<number, number>;
  ndcg: Record<number, number>;
  mrr: number;
}

export function createMetrics() {
  let users = 0;
  let mrr = 0;
  const hr: Record<number, number> = {};
  const ndcg: Record<number, number> = {};
  for (const k of HR_KS) hr[k] = 0;
  for (const k of NDCG_KS) ndcg[k] = 0;
  return {
    add(rank: number): void {
      users += 1;
      mrr += 1 / (rank + 1);
      for (const k of HR_KS) if (rank < k) hr[k]! += 1;
      for (const k of NDCG_KS) if (rank < k) ndcg[k]! += 1 / Math.log2(rank + 2);
    },
    /** Adds the sums of another accumulator (worker shards). */
    merge(other: Metrics): void {
      users += other.users;
      mrr += other.mrr * other.users;
      for (const k of HR_KS) hr[k]! += (other.hr[k] ?? 0) * other.users;
      for (const k of NDCG_KS) ndcg[k]! += (other.ndcg[k] ?? 0) * other.users;
    },
    result(): Metrics {
      const d = Math.max(1, users);
      const out: Metrics = { users, hr: {}, ndcg: {}, mrr: mrr / d };
      for (const k of HR_KS) out.hr[k] = hr[k]! / d;
      for (const k of NDCG_KS) out.ndcg[k] = ndcg[k]! / d;
      return out;
    },
  };
}

/**
 * 0-based rank of the target among scored candidates: how many score strictly higher, plus,
 * among equal scores, how many come first in `tieOrder` (a deterministic shuffle), so ties
 * can never favour the target by where it was placed.
 */
export function rankOf(scores: ArrayLike<number>, target: number, tieOrder?: ArrayLike<number>): number {
  const s = scores[target]!;
  let rank = 0;
  for (let i = 0; i < scores.length; i++) {
    if (i === target) continue;
    const v = scores[i]!;
    if (v > s || (v === s && (tieOrder ? tieOrder[i]! < tieOrder[target]! : i < target))) rank++;
  }
  return rank;
}
