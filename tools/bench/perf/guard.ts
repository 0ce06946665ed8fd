/**
 * The rank-latency guard: each Hearth latency figure of a run as a ratio to the main-thread JS
 * baseline of the same run (50 events, p50, the same list size; cold start over the 100-candidate
 * baseline), against the limits in ratio-limits.json. A benchmark, not a test: perf.ts exits 1
 * when a ratio is over its limit unless --no-guard (or HEARTH_BENCH_NO_GUARD=1) is given.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ColdRow, GuardReport, GuardRow, LatencyCell, Results } from './results.js';
import type { Summary } from './stats.js';

const limitFile = resolve(dirname(fileURLToPath(import.meta.url)), 'ratio-limits.json');
/** The baseline every ratio divides by: main-thread JS, this many stored events. */
const BASELINE_HISTORY = 50;

interface Figure {
  /** The key of its limit in ratio-limits.json. */
  limitKey: string;
  label: string;
  ms: number;
  /** The baseline's list size. */
  candidates: number;
}

async function loadLimits(): Promise<Record<string, { limit: number | null; from?: string }>> {
  const file = JSON.parse(await readFile(limitFile, 'utf8')) as { limits: Record<string, { limit: number | null; from?: string }> };
  return file.limits;
}

const events = (n: number) => n.toLocaleString('en');

/** auto's rerank p50 and p99 at 100 and 1,000 candidates per history, and right after a track. */
function rerankFigures(latency: readonly LatencyCell[], afterTrack: readonly LatencyCell[]): Figure[] {
  const out: Figure[] = [];
  const quantiles: Array<keyof Summary> = ['p50', 'p99'];
  for (const n of [100, 1000]) {
    for (const r of latency.filter((c) => c.backend === 'auto' && c.candidates === n)) {
      for (const q of quantiles) out.push({ limitKey: `rerank ${events(n)} ${q}`, label: `rerank ${events(n)} ${q}, ${events(r.history)} events, auto (${r.used})`, ms: r.stats[q], candidates: n });
    }
  }
  for (const r of afterTrack.filter((c) => c.backend === 'auto')) {
    for (const q of quantiles) out.push({ limitKey: `after a track ${events(r.candidates)} ${q}`, label: `rerank ${events(r.candidates)} right after a track ${q}, ${events(r.history)} events, auto (${r.used})`, ms: r.stats[q], candidates: r.candidates });
  }
  return out;
}

/** First and return visit, auto, without and with the site model (first personalised rerank p50). */
function coldFigures(cold: readonly ColdRow[]): Figure[] {
  const out: Figure[] = [];
  for (const c of cold.filter((c) => c.backend === 'auto' || c.siteModel)) {
    const key = `${c.visit} visit${c.siteModel ? ' + site model' : ''} p50`;
    out.push({ limitKey: key, label: `${c.visit} visit → first personalised rerank p50, ${c.backend} (${c.got})`, ms: c.firstRank.p50, candidates: 100 });
  }
  return out;
}

/** The guard's rows for this run's figures; a figure without a baseline or a limit is reported, not checked. */
export async function checkRatios(results: Results, enforced: boolean): Promise<GuardReport> {
  const limits = await loadLimits();
  const baselineOf = (n: number) => results.baseline.find((b) => b.used === 'main-js' && b.history === BASELINE_HISTORY && b.candidates === n)?.stats.p50;
  const rows: GuardRow[] = [...rerankFigures(results.latency, results.afterTrack), ...coldFigures(results.cold)].map((f) => {
    const baselineMs = baselineOf(f.candidates) ?? null;
    const limit = limits[f.limitKey]?.limit ?? null;
    const ratio = baselineMs ? f.ms / baselineMs : null;
    const status = ratio === null ? 'no baseline' : limit === null ? 'unguarded' : ratio <= limit ? 'ok' : 'OVER';
    return { figure: f.label, limitKey: f.limitKey, ms: f.ms, baseline: `main-thread JS, ${BASELINE_HISTORY} events, ${events(f.candidates)} candidates, p50`, baselineMs, ratio, limit, status };
  });
  return { enforced, over: rows.filter((r) => r.status === 'OVER').length, rows };
}

const fmt = (v: number | null, digits: number) => (v === null ? '–' : v.toFixed(digits));

/** The table, markdown: figure | ms | baseline ms | ratio | limit | ok/OVER. */
export function guardTable(g: GuardReport): string[] {
  const out = ['| figure | ms | baseline ms | ratio | limit | |', '|---|---:|---:|---:|---:|---|'];
  for (const r of g.rows) out.push(`| ${r.figure} | ${fmt(r.ms, 2)} | ${fmt(r.baselineMs, 2)} | ${fmt(r.ratio, 2)} | ${r.limit === null ? '–' : String(r.limit)} | ${r.status} |`);
  return out;
}

export function guardSummary(g: GuardReport): string {
  if (g.rows.length === 0) return 'guard: no Hearth latency figure in this run (sections left out), nothing checked';
  const verdict = g.over === 0 ? 'every ratio within its limit' : `${g.over} ratio(s) over the limit`;
  return `guard: ${verdict}${g.enforced ? '' : ' (--no-guard: reported, not enforced)'}`;
}
