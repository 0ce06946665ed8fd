import { candidateLines, parseCandidate } from '../core/wire/candidate-wire.js';
import type { WireItem } from '../core/wire/wire.js';

/**
 * The worker's memory of candidates it has parsed, keyed by their encoded line. A shop shows
 * the same products list after list, so most lines of a request are known: no JSON.parse, and
 * the same WireItem object as last time, which the vector cache (`model/vector-cache.ts`) and
 * the repeat-purchase descriptors (`learn/repurchase.ts`) memoise by identity. Insertion order
 * evicts (FIFO, not LRU): refreshing on every hit would cost two Map operations per candidate
 * per rerank, while an evicted line costs one parse when it comes back.
 */
export function createCandidateCache(capacity = 10_000) {
  const parsed = new Map<string, WireItem>();
  return {
    /** Decodes a request's candidates; rejects a malformed one with a HearthInputError naming it. */
    decode(encoded: unknown): WireItem[] {
      const lines = candidateLines(encoded);
      const out = new Array<WireItem>(lines.length);
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        let item = parsed.get(line);
        if (item === undefined) {
          item = parseCandidate(line, `items[${i}]`);
          if (parsed.size >= capacity) parsed.delete(parsed.keys().next().value!);
          parsed.set(line, item);
        }
        out[i] = item;
      }
      return out;
    },
    get size(): number {
      return parsed.size;
    },
  };
}
