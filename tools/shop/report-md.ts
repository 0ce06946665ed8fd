import type { Metrics } from '../eval/metrics.js';
import type { ShopReport } from './report-types.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const n = (x: number) => x.toLocaleString('en-US');
const m4 = (m: Metrics | undefined, f: (m: Metrics) => number) => (m ? f(m).toFixed(4) : '–');

/** The report for people: the same facts as report.json, in the order a shop reads them. */
export function reportMarkdown(r: ShopReport): string {
  const i = r.input;
  const out: string[] = [`# Hearth training report`, '', `\`${r.command}\` · ${r.createdAt}`, ''];
  if (i.warnings.length) out.push('## Warnings', '', ...i.warnings.map((w) => `- ${w}`), '');
  out.push('## Input', '', '| file | read as |', '|---|---|');
  for (const f of [...i.eventFiles, ...i.catalogFiles]) out.push(`| ${f.file} | ${f.format} (${f.kind}) |`);
  out.push('', `Rows read: ${n(i.events.rowsRead)}; records (one per item of an event): ${n(i.events.records)}, kept ${n(i.events.recordsKept)}.`, '');
  out.push(`Kept records by action: ${Object.entries(i.events.byAction).map(([a, c]) => `${a} ${n(c)}`).join(', ') || 'none'}.`, '');
  const problems = Object.entries(i.problems.toJSON());
  out.push('### Dropped or repaired, by reason', '');
  if (problems.length === 0) out.push('None.', '');
  else {
    out.push('| reason | count | first places |', '|---|---|---|');
    for (const [reason, p] of problems) out.push(`| ${reason} | ${n(p.count)} | ${p.examples.join('; ')} |`);
    out.push('');
  }
  const s = i.sequences;
  out.push('## Shoppers and items', '');
  out.push(`Sequence rule: one step per item and visit (GA4 session; a UTC day for Segment; the order for Shopify) at its strongest action; impressions are not steps. Steps by strongest action: ${Object.entries(i.stepsByAction).map(([a, c]) => `${a} ${n(c)}`).join(', ')}.`, '');
  out.push(`Shoppers: ${n(s.shoppers)} (${n(s.usable)} with two or more steps, the ones training and evaluation use); steps: ${n(s.steps)}.`, '');
  out.push(`Sequence length: min ${s.length.min}, median ${s.length.median}, 90th percentile ${s.length.p90}, max ${s.length.max}, mean ${s.length.mean.toFixed(1)}.`, '');
  out.push('| steps | shoppers |', '|---|---|', ...Object.entries(s.histogram).map(([b, c]) => `| ${b} | ${n(c)} |`), '');
  const c = i.catalog;
  out.push(`Items: ${n(c.feedItems)} from the feed (${n(c.feedRows)} rows, ids by ${i.idKey === 'group' ? 'item_group_id' : 'item id'}), ${n(c.eventOnlyItems)} known only from events. ${pct(c.steppedInFeed)} of the items shoppers engaged with are in the feed (${pct(c.stepsInFeed)} of steps).`, '');
  out.push(`Feed fields set: ${Object.entries(c.filled).map(([f, v]) => `${f} ${pct(v)}`).join(', ')}.`, '');
  out.push('## Time and memory', '', '| stage | seconds | peak memory (RSS) |', '|---|---|---|');
  for (const st of r.stages) out.push(`| ${st.name} | ${st.seconds.toFixed(1)} | ${st.peakRssMiB.toFixed(0)} MiB |`);
  out.push('', '## Model', '', `${r.model.version}: ${n(r.model.rows)} rows × ${r.model.dims} dims, ${r.model.bestEpoch} epochs; model.json ${(r.model.jsonBytes / 1024).toFixed(1)} KiB, model.bin ${(r.model.binBytes / 1024).toFixed(1)} KiB.`, '');
  const e = r.evaluation;
  if (e) {
    out.push('## What it gets on your shoppers', '');
    out.push(`Each shopper's last step is held out (the served model was trained without it); the model ranks it among 99 items the shopper never engaged with (sampled) and among every item (full). ${e.limit > 0 && e.limit < e.eligible ? `Evaluated on the first ${n(e.limit)} of ${n(e.eligible)} shoppers (--report-users).` : `All ${n(e.eligible)} shoppers with two or more steps.`}`, '');
    out.push('| model | sampled HR@10 | sampled NDCG@10 | full HR@10 | full NDCG@10 | full MRR |', '|---|---|---|---|---|---|');
    for (const row of e.rows) out.push(`| ${row.model} | ${m4(row.sampled, (x) => x.hr[10]!)} | ${m4(row.sampled, (x) => x.ndcg[10]!)} | ${m4(row.full, (x) => x.hr[10]!)} | ${m4(row.full, (x) => x.ndcg[10]!)} | ${m4(row.full, (x) => x.mrr)} |`);
    out.push('');
  }
  out.push('## Serving', '', "Copy model.json and model.bin to a static path and pass it: `createHearth({ modelUrl: '/hearth/model.json' })` (or `data-model-url` on the script tag). Page items match the model's rows by the same id and the same brand and category strings as the feed.", '');
  return out.join('\n');
}
