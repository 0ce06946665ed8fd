import { sameWireItem } from '../../core/wire/candidate-wire.js';
import type { EncodedCandidates } from '../../core/wire/wire.js';
import type { WireItem } from '../../core/wire/wire.js';

/**
 * The page's side of the rank request encoding, with a memory. Shops pass the same product
 * objects list after list, and JSON.stringify of each item was the page's largest cost of a
 * 1,000-item rerank. Each shop object remembers the wire item it validated to and its line; the
 * line is reused only when this call's validation gives an equal wire item (field by field), so
 * a shop that mutates its objects still sends what they hold now. Held weakly: a product the
 * page drops is not kept alive.
 */
export function createLineCache() {
  const known = new WeakMap<object, { item: WireItem; line: string }>();
  return {
    /** `raw[i]` is the shop's object that validated to `wire[i]` (`candidateItems`). */
    encode(raw: readonly unknown[], wire: readonly WireItem[]): EncodedCandidates {
      const lines = new Array<string>(wire.length);
      for (let i = 0; i < wire.length; i++) {
        const item = wire[i]!;
        const key = raw[i];
        const memo = typeof key === 'object' && key !== null ? known.get(key) : undefined;
        if (memo && sameWireItem(memo.item, item)) {
          lines[i] = memo.line;
          continue;
        }
        const line = JSON.stringify(item);
        if (typeof key === 'object' && key !== null) known.set(key, { item, line });
        lines[i] = line;
      }
      return lines;
    },
  };
}
