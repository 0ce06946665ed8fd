import { mulberry32 } from '../eval/random.js';

/**
 * The sampled protocol's negatives for a shop: for each shopper, up to 99 items drawn with a
 * fixed seed from the items the shopper never engaged with (none of their steps), the same role
 * `negatives_99.txt` plays in the research folders.
 */
export function sampledNegatives(sequences: readonly Int32Array[], items: number, seed: number, count = 99): Int32Array[] {
  return sequences.map((seq, u) => {
    const touched = new Set(seq);
    const want = Math.min(count, items - touched.size);
    const rnd = mulberry32(seed ^ Math.imul(u + 1, 0x85ebca6b));
    const out = new Set<number>();
    if (want <= 0) return new Int32Array(0);
    // Rejection sampling while the catalogue is large against the shopper; a scan otherwise.
    if (items - touched.size > 2 * want) {
      while (out.size < want) {
        const i = Math.floor(rnd() * items);
        if (!touched.has(i)) out.add(i);
      }
      return Int32Array.from(out);
    }
    const pool: number[] = [];
    for (let i = 0; i < items; i++) if (!touched.has(i)) pool.push(i);
    for (let k = pool.length - 1; k > 0; k--) {
      const j = Math.floor(rnd() * (k + 1));
      [pool[k], pool[j]] = [pool[j]!, pool[k]!];
    }
    return Int32Array.from(pool.slice(0, want));
  });
}
