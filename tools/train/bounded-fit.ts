import type { Dataset } from '../eval/dataset.js';

/**
 * The bounded fit's cap (`--max-sequences N`): the shoppers whose sequences the fit trains on,
 * the last N in the data's order (a shop's export lists shoppers by first visit, so these are
 * the newest; a research folder keeps its file order). Every shopper still counts for validation,
 * so the cap's accuracy cost is measured on the same users as the full fit. Undefined: no cap.
 */
export function trainedShoppers(ds: Dataset, maxSequences: number | undefined): Uint8Array | undefined {
  if (maxSequences === undefined || maxSequences >= ds.sequences.length) return undefined;
  if (!(maxSequences >= 1)) throw new Error(`--max-sequences must be a whole number of shoppers ≥ 1, got ${maxSequences}`);
  const keep = new Uint8Array(ds.sequences.length);
  keep.fill(1, ds.sequences.length - Math.floor(maxSequences));
  return keep;
}

/** Multiply-adds per second are what the fit spends; this says how many training examples the cap leaves. */
export function examplesKept(sequences: readonly Int32Array[]): number {
  let n = 0;
  for (const s of sequences) n += Math.max(0, s.length - 1);
  return n;
}
