import type { Results, LatencyCell } from './results.js';
import { guardSummary, guardTable } from './guard.js';
import { ms } from './stats.js';

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

function latencyTable(rows: readonly LatencyCell[]): string[] {
  const out = ['| backend (used) | events | candidates | p50 ms | p95 ms | p99 ms | runs | fallbacks |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) out.push(`| ${r.backend}${r.used && r.used !== r.backend ? ` (${r.used})` : ''} | ${r.history.toLocaleString('en')} | ${r.candidates.toLocaleString('en')} | ${ms(r.stats.p50)} | ${ms(r.stats.p95)} | ${ms(r.stats.p99)} | ${r.stats.n} | ${r.fallbacks} |`);
  return out;
}

/** 'auto' against the fastest named backend, per request size (p50 ratio). */
function autoTable(rows: readonly LatencyCell[]): string[] {
  const out = ['| events | candidates | auto (picked) p50 | fastest named backend p50 | auto / fastest |', '|---:|---:|---:|---:|---:|'];
  const keys = new Set(rows.map((r) => `${r.history}:${r.candidates}`));
  for (const key of keys) {
    const cell = rows.filter((r) => `${r.history}:${r.candidates}` === key);
    const auto = cell.find((r) => r.backend === 'auto');
    const named = cell.filter((r) => r.backend !== 'auto').sort((a, b) => a.stats.p50 - b.stats.p50);
    const best = named[0];
    if (!auto || !best) continue;
    out.push(`| ${auto.history.toLocaleString('en')} | ${auto.candidates.toLocaleString('en')} | ${ms(auto.stats.p50)} (${auto.used}) | ${ms(best.stats.p50)} (${best.backend}) | ${(auto.stats.p50 / best.stats.p50).toFixed(2)} |`);
  }
  return out;
}

export function renderMarkdown(r: Results): string {
  const lines: string[] = [`Run ${r.date} — ${r.machine} — \`${r.command}\``, ''];
  if (r.latency.length) {
    lines.push('### Rerank, page → worker → page (same list again, vectors cached)', '', ...latencyTable(r.latency), '');
    lines.push('### auto vs the fastest backend', '', ...autoTable(r.latency), '');
    lines.push('Backend start (createHearth → ready, history of 50 events):', '');
    for (const s of r.ready) lines.push(`- ${s.backend} → ${s.got}: ${ms(s.readyMs)} ms`);
    lines.push('');
  }
  if (r.afterTrack.length) lines.push('### Rerank right after a track (10,000 stored events; the track invalidates the folded history)', '', ...latencyTable(r.afterTrack), '');
  if (r.baseline.length) lines.push('### Baselines in the same run', '', ...latencyTable(r.baseline), '');
  if (r.cold.length) {
    lines.push('### Cold and warm start (100 candidates; ms since navigation start)', '', '| case | backend (first rank → ready()) | first personalised rerank p50 | max | of it, after the page script started, p50 | ready() p50 (tfjs backend took over) | trials | personalised |', '|---|---|---:|---:|---:|---:|---:|---|');
    for (const c of r.cold) lines.push(`| ${c.variant} | ${c.backend} (${c.got}) | ${ms(c.firstRank.p50)} | ${ms(c.firstRank.p99)} | ${c.sinceScript ? ms(c.sinceScript.p50) : '–'} | ${ms(c.ready.p50)} | ${c.trials} | ${c.allPersonalised ? 'yes' : 'NO'} |`);
    lines.push('');
  }
  if (r.main) {
    const m = r.main;
    lines.push('### Main thread (demo shop page, 60-card grid)', '');
    lines.push(`- track(), 2,000 calls in one task: ${ms(m.trackSyncMs)} ms per call synchronous, ${ms(m.trackWithPostMs)} ms per call including the batch's postMessage`);
    lines.push(`- track() ×20 per task (click handlers), per call: p50 ${ms(m.trackSyncMsIsolated.p50)} ms synchronous, p50 ${ms(m.trackIsolated.p50)} / p99 ${ms(m.trackIsolated.p99)} ms including the postMessage`);
    lines.push(`- DOM rerank of the grid: main-thread work p50 ${ms(m.domRerankMain.p50)} / p99 ${ms(m.domRerankMain.p99)} ms; end to end p50 ${ms(m.domRerankEndToEnd.p50)} / p99 ${ms(m.domRerankEndToEnd.p99)} ms`);
    lines.push(`- long tasks (> 50 ms) on the page from navigation to the end: ${m.longTasks}${m.longTaskDetail.length ? ` (${m.longTaskDetail.map((t) => `${ms(t.duration)} ms at ${ms(t.start)}`).join(', ')})` : ''}`, '');
  }
  if (r.memory.length) {
    lines.push('### Memory over many reranks (100 candidates, 200 events + 20 seen lists with a click each; direct worker)', '', '| backend | after reranks | live tensors | tensor bytes | worker heap MB | page heap MB | comlink round trip p50 ms |', '|---|---|---|---|---|---|---:|');
    for (const m of r.memory) lines.push(`| ${m.backend} | ${m.reranks.join(' / ')} | ${m.tensors.join(' / ')} | ${m.tensorBytes.join(' / ')} | ${m.workerHeapMB.map((v) => v ?? '–').join(' / ')} | ${m.pageHeapMB.map((v) => v ?? '–').join(' / ')} | ${ms(m.roundTrip.p50)} |`);
    lines.push('');
    const learners = r.memory.filter((m) => m.learning);
    if (learners.length) {
      lines.push('On-device learning in the same worker during those reranks (plain JS on every backend; time per wake-up that did work, i.e. what a rank arriving then may wait for):', '');
      for (const m of learners) lines.push(`- ${m.backend}: ${m.learning!.steps} steps over ${m.learning!.pairs} pairs in ${m.learning!.wakeups} wake-ups, mean ${ms(m.learning!.meanMs)} ms, max ${ms(m.learning!.maxMs)} ms`);
      lines.push('');
    }
  }
  if (r.sizes.length) {
    lines.push('### Bundle sizes', '', '| file | bytes | gzip -9 | budget |', '|---|---:|---:|---|');
    for (const s of r.sizes) lines.push(`| ${s.name === s.path ? s.path : `${s.name}: \`${s.path}\``} | ${kb(s.bytes)} | ${kb(s.gzipBytes)} | ${s.budget === undefined ? '' : `${kb(s.budget)} ${s.gzipBytes <= s.budget ? 'ok' : 'OVER'}`} |`);
    lines.push('');
  }
  if (r.guard) lines.push('### Guard: Hearth figures as ratios to the main-thread JS baseline of this run (limits: tools/bench/perf/ratio-limits.json)', '', ...guardTable(r.guard), '', guardSummary(r.guard), '');
  if (r.notes.length) lines.push('Notes:', ...r.notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}
