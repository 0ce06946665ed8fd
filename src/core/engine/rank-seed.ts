import type { RankKnobs, StoredEvent, WireItem } from '../wire/wire.js';
import { fmix32, hashString } from '../model/hash.js';
import { seededUniform, secureUniform, type Uniform } from '../rank/random.js';

/**
 * Shopper data beside the events (not `public:`): a forget-all or consent 'denied' clears it,
 * and the next start draws a new one.
 */
export const RANK_SEED_KEY = 'personal:rank-seed';

const DAY_MS = 86_400_000;

/** A fresh 32-bit secret from the crypto generator (never predictable from outside the device). */
export function freshSecret(): number {
  return Math.floor(secureUniform()() * 4_294_967_296) >>> 0;
}

/**
 * The newest event that can change a rank: impressions are left out (they do not enter the
 * history a rank reads, `history-cache.ts`), so a reload that only records impressions keeps it.
 */
export function historyMark(events: readonly StoredEvent[]): number {
  for (let k = events.length - 1; k >= 0; k--) if (events[k]!.type !== 'impression') return events[k]!.seq;
  return 0;
}

/**
 * The randomness of one rank (exploration, privacy noise): a generator seeded by the shopper's
 * secret, the UTC day, what the history holds (`mark`, `generation`) and the list's items in
 * order. The same list with nothing new on the same day draws the same numbers, so a reload does
 * not reshuffle the grid, and repeating a request reveals nothing a first one did not; a new
 * event, another list or the next day draws afresh. Unpredictable without the secret.
 */
export function rankRandom(secret: number, now: number, mark: number, generation: number, items: readonly WireItem[]): Uniform {
  let h = fmix32(secret ^ Math.imul(Math.floor(now / DAY_MS), 0x9e3779b1));
  h = fmix32(h ^ Math.imul(mark, 0x85ebca6b) ^ generation);
  for (const item of items) h = hashString(item.id, h);
  return seededUniform(h);
}

/** Where the secret is kept: the engine's event log (`loadMeta`/`saveMeta`). */
interface MetaStore {
  loadMeta<T>(key: string): Promise<T | undefined>;
  saveMeta(key: string, value: unknown, atGeneration: number): Promise<void>;
  readonly generation: number;
}

/** The shopper's stored secret, or a fresh one, saved for the next start (a failed read or write only costs stability). */
export async function loadSecret(log: MetaStore): Promise<number> {
  const saved = await log.loadMeta<unknown>(RANK_SEED_KEY).catch(() => undefined);
  if (typeof saved === 'number' && Number.isInteger(saved)) return saved >>> 0;
  const fresh = freshSecret();
  log.saveMeta(RANK_SEED_KEY, fresh, log.generation).catch(() => undefined);
  return fresh;
}

/** A rank without exploration or privacy noise draws nothing. */
export const noChance: Uniform = () => {
  throw new Error('no randomness asked for');
};

/**
 * Each rank's randomness: `fixed.random` when given (one stream, for tests), else `rankRandom`
 * under the shopper's secret (`fixed.seed`, or the stored one, read on the first rank that needs
 * chance). `forget` drops the secret: after a forget the next start draws a new one.
 */
export function rankChance(log: MetaStore & { readonly events: readonly StoredEvent[] }, now: () => number, fixed: { random?: Uniform; seed?: number }) {
  let secret: Promise<number> | undefined;
  return {
    async of(candidates: readonly WireItem[], knobs: RankKnobs): Promise<Uniform> {
      if (fixed.random) return fixed.random;
      if (!knobs.exploration && !knobs.privacyNoise) return noChance;
      secret ??= fixed.seed !== undefined ? Promise.resolve(fixed.seed >>> 0) : loadSecret(log);
      return rankRandom(await secret, now(), historyMark(log.events), log.generation, candidates);
    },
    forget(): void {
      secret = undefined;
    },
  };
}
