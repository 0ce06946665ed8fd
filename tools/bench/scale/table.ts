import type { ShopReport } from '../../shop/report-types.js';
import type { StageFact } from '../../shop/stages.js';
import type { Sampler } from './sampler.js';

/** One row of the benchmark's stage table. */
export interface StageRow {
  stage: string;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  rows: number;
  rowsWhat: string;
}

const stage = (r: ShopReport, name: string): StageFact | undefined => r.stages.find((s) => s.name === name);

/**
 * The trainer's own stages (tools/shop/stages.ts) plus the one it does not time: writing the
 * model, the gap between the end of `train` and the start of `evaluate`, read from the sampler.
 */
export function stageRows(r: ShopReport, sampler: Sampler, shop: { rows: number; items: number }): StageRow[] {
  const rows: StageRow[] = [];
  const add = (name: string, label: string, n: number, what: string) => {
    const s = stage(r, name);
    if (s) rows.push({ stage: label, wallSeconds: s.seconds, cpuSeconds: s.cpuSeconds, peakRssMiB: s.peakRssMiB, rows: n, rowsWhat: what });
  };
  const seq = r.input.sequences;
  add('read events', 'read events (SQL)', shop.rows, 'events');
  add('read catalogue', 'catalogue', r.input.catalog.feedRows, 'feed rows');
  add('build sequences', 'dedupe + sequences (SQL)', seq.steps, 'steps');
  add('train', 'fit', seq.steps, 'steps');
  const train = stage(r, 'train');
  const evaluate = stage(r, 'evaluate');
  if (train && evaluate) {
    const from = train.startedAt + train.seconds * 1000;
    const w = sampler.window(from, evaluate.startedAt);
    rows.push({ stage: 'write model', wallSeconds: (evaluate.startedAt - from) / 1000, cpuSeconds: w.cpuSeconds, peakRssMiB: w.peakRssMiB, rows: r.model.rows, rowsWhat: 'model rows' });
  }
  const evalUsers = r.evaluation?.rows[0]?.users.full ?? 0;
  add('evaluate', 'evaluate', evalUsers * (r.evaluation?.rows.length ?? 0) * 2, 'shopper ranks');
  return rows;
}

const fmt = (x: number, d = 1) => x.toFixed(d);

export function stageTable(rows: StageRow[]): string {
  const out = ['| stage | wall s | CPU s | peak RSS MiB | rows | rows/s (wall) |', '|---|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    const rate = r.wallSeconds > 0 ? Math.round(r.rows / r.wallSeconds).toLocaleString('en-US') : '–';
    out.push(`| ${r.stage} | ${fmt(r.wallSeconds)} | ${fmt(r.cpuSeconds)} | ${fmt(r.peakRssMiB, 0)} | ${r.rows.toLocaleString('en-US')} ${r.rowsWhat} | ${rate} |`);
  }
  return out.join('\n');
}

export function accuracyTable(r: ShopReport): string {
  const out = ['| model | sampled HR@10 | sampled NDCG@10 | full HR@10 | full NDCG@10 | shoppers |', '|---|---:|---:|---:|---:|---:|'];
  for (const row of r.evaluation?.rows ?? []) {
    const m = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(4));
    out.push(`| ${row.model} | ${m(row.sampled?.hr[10])} | ${m(row.sampled?.ndcg[10])} | ${m(row.full?.hr[10])} | ${m(row.full?.ndcg[10])} | ${row.users.full} |`);
  }
  return out.join('\n');
}
