import type { WireItem } from '../wire/wire.js';

/** The places the default variety looks at: the first screen of a grid. */
export const VARIETY_PLACES = 10;
/** Default most items of one category among those places (`RankKnobs.maxSameCategory`). */
export const MAX_SAME_CATEGORY = 6;

const norm = (s: string) => s.trim().toLowerCase();

/**
 * The category level at which this list's items differ: the first level (broad to narrow) where
 * not every categorised item names the same category. A shoe page's items all read "Shoes", so
 * its variety is between kinds of shoe; a mixed list's is between departments. Undefined when
 * nothing differs (or nothing is categorised): there is no variety to make.
 */
function varyingLevel(all: readonly string[][]): number | undefined {
  const paths = all.filter((p) => p.length > 0);
  if (paths.length < 2) return undefined;
  const deepest = Math.max(...paths.map((p) => p.length));
  for (let d = 0; d < deepest; d++) {
    const first = paths[0]![d];
    if (paths.some((p) => p[d] !== first)) return d;
  }
  return undefined;
}

/**
 * The default variety at the top of a list: among the first `VARIETY_PLACES` places at most
 * `max` items of one category (at the level where the list's items differ); the next item of
 * another category, or uncategorised, takes the place instead. Only reorders `order` (history-free
 * post-processing, so privacy noise's ε still holds); where no other item is left, the order stays.
 * Returns the new order and, per item, whether it was pulled up into those places.
 */
export function varyTop(order: readonly number[], items: readonly WireItem[], max: number): { order: number[]; pulled: boolean[] } {
  const pulled = new Array<boolean>(items.length).fill(false);
  if (max >= VARIETY_PLACES) return { order: [...order], pulled };
  const paths = items.map((it) => (it.categories ?? []).map(norm));
  const level = varyingLevel(paths);
  if (level === undefined) return { order: [...order], pulled };
  const keys = paths.map((path) => (path.length === 0 ? undefined : path.slice(0, level + 1).join('\u0001')));
  const left = [...order];
  const out: number[] = [];
  const count = new Map<string, number>();
  while (out.length < VARIETY_PLACES && left.length > 0) {
    let k = left.findIndex((i) => {
      const key = keys[i];
      return key === undefined || (count.get(key) ?? 0) < max;
    });
    if (k < 0) k = 0;
    const [i] = left.splice(k, 1) as [number];
    if (k > 0) pulled[i] = true;
    const key = keys[i];
    if (key !== undefined) count.set(key, (count.get(key) ?? 0) + 1);
    out.push(i);
  }
  return { order: [...out, ...left], pulled };
}
