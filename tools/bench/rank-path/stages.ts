/**
 * One page → worker → page rank cut into stages from the debug stamps (`src/core/timings.ts`):
 * the page's record and the worker's, paired in order (the ranks run one after another).
 */
export type Stamps = Record<string, number | string>;

/** [stage, from stamp, to stamp, which record holds each: p = page, w = worker]. */
const STAGES: Array<[string, `${'p' | 'w'}.${string}`, `${'p' | 'w'}.${string}`]> = [
  ['page: validation (candidateItems, options)', 'p.start', 'p.validated'],
  ['page: encode (line cache)', 'p.validated', 'p.encoded'],
  ['page: connection.call → api.rank', 'p.encoded', 'p.call'],
  ['page: comlink call + postMessage (clone)', 'p.call', 'p.posted'],
  ['transit page → worker handler', 'p.posted', 'w.start'],
  ['worker: await init', 'w.start', 'w.engine'],
  ['worker: decodeRankRequest (candidate cache)', 'w.engine', 'w.decoded'],
  ['worker: engine before scorer (history, list vectors)', 'w.decoded', 'w.scoreStart'],
  ['worker: scorer (tfjs or JS; read-back)', 'w.scoreStart', 'w.scoreEnd'],
  ['worker: engine after scorer (adjust, arrange, reasons)', 'w.scoreEnd', 'w.ranked'],
  ['worker: encodeRankResult', 'w.ranked', 'w.encoded'],
  ['transit worker → page (+ comlink, clone)', 'w.encoded', 'p.received'],
  ['page: result assembly (rankedResult)', 'p.received', 'p.assembled'],
  ['total (page start → assembled)', 'p.start', 'p.assembled'],
];

const get = (p: Stamps, w: Stamps, ref: string) => {
  const [side, name] = ref.split('.') as ['p' | 'w', string];
  const v = (side === 'p' ? p : w)[name];
  return typeof v === 'number' ? v : NaN;
};

/** Per stage, the samples (ms) over the paired records. */
export function stageSamples(page: readonly Stamps[], worker: readonly Stamps[]): Array<{ stage: string; samples: number[] }> {
  const n = Math.min(page.length, worker.length);
  return STAGES.map(([stage, from, to]) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const d = get(page[i]!, worker[i]!, to) - get(page[i]!, worker[i]!, from);
      if (Number.isFinite(d)) samples.push(d);
    }
    return { stage, samples };
  });
}
