import type { Dataset } from '../eval/dataset.js';
import { idFeatureKey, itemFeatures } from '../../src/core/model/features.js';
import { hashString } from '../../src/core/model/hash.js';

/**
 * What the head cut (`src/core/model/head-cut.ts`) ranks rows by: interactions per item id row,
 * and per feature row the interactions of the items carrying it. Counted on each shopper's
 * sequence without its last item, the test item, so a cut chosen here never saw it.
 */
export function headWeights(ds: Dataset): { itemWeights: Map<number, number>; featureWeights: Map<number, number> } {
  const perItem = new Float64Array(ds.items.length);
  for (const seq of ds.sequences) for (let k = 0; k < seq.length - 1; k++) perItem[seq[k]!]! += 1;
  const itemWeights = new Map<number, number>();
  const featureWeights = new Map<number, number>();
  ds.items.forEach((item, i) => {
    itemWeights.set(hashString(idFeatureKey(item.id)), perItem[i]!);
    for (const f of itemFeatures(item)) {
      if (f.field === 'id') continue;
      const h = hashString(f.key);
      featureWeights.set(h, (featureWeights.get(h) ?? 0) + perItem[i]!);
    }
  });
  return { itemWeights, featureWeights };
}

/** `1MiB`, `512KiB`, `800kB`, `1000000`: bytes. */
export function parseBytes(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(B|kB|KB|KiB|MB|MiB)?$/.exec(text.trim());
  if (!m) throw new Error(`--${flag} must be bytes such as 1MiB, 512KiB or 1000000; got '${text}'`);
  const unit = { B: 1, kB: 1000, KB: 1000, KiB: 1024, MB: 1e6, MiB: 1048576 }[m[2] ?? 'B']!;
  return Math.floor(Number(m[1]) * unit);
}
