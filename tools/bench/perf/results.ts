/**
 * The shape of one `bench:perf` run (tools/bench/out/perf/results.json): what the measurements
 * fill in and report.ts renders. Types only, so every measurement and the report import it
 * without importing each other.
 */
import type { Summary } from './stats.js';
import type { SizeRow } from './sizes.js';

export interface LatencyCell {
  backend: string;
  used: string;
  history: number;
  candidates: number;
  fallbacks: number;
  stats: Summary;
}

export interface ColdRow {
  variant: string;
  visit: 'first' | 'return';
  /** With the site-trained-sized model (weights from the network, then from IndexedDB). */
  siteModel: boolean;
  backend: string;
  trials: number;
  firstRank: Summary;
  /** First personalised rerank − the page's module script start (Hearth's share, without the page's own load). */
  sinceScript: Summary;
  ready: Summary;
  allPersonalised: boolean;
  got: string;
}

export interface MainThread {
  trackSyncMs: number;
  trackWithPostMs: number;
  trackIsolated: Summary;
  domRerankMain: Summary;
  domRerankEndToEnd: Summary;
  longTasks: number;
  longTaskDetail: Array<{ duration: number; start: number }>;
  trackSyncMsIsolated: Summary;
}

export interface MemoryRow {
  backend: string;
  reranks: number[];
  tensors: number[];
  tensorBytes: number[];
  workerHeapMB: Array<number | null>;
  pageHeapMB: Array<number | null>;
  roundTrip: Summary;
  learning?: { steps: number; pairs: number; wakeups: number; meanMs: number; maxMs: number };
}

/** One figure of the ratio guard (guard.ts): the Hearth figure over the same run's baseline, against its limit. */
export interface GuardRow {
  figure: string;
  /** Its limit's key in ratio-limits.json. */
  limitKey: string;
  ms: number;
  baseline: string;
  baselineMs: number | null;
  ratio: number | null;
  limit: number | null;
  status: 'ok' | 'OVER' | 'unguarded' | 'no baseline';
}

export interface GuardReport {
  /** false under --no-guard: reported, the exit code unaffected. */
  enforced: boolean;
  over: number;
  rows: GuardRow[];
}

export interface Results {
  date: string;
  machine: string;
  command: string;
  ready: Array<{ backend: string; got: string; readyMs: number }>;
  latency: LatencyCell[];
  afterTrack: LatencyCell[];
  baseline: LatencyCell[];
  cold: ColdRow[];
  main?: MainThread;
  memory: MemoryRow[];
  sizes: SizeRow[];
  guard?: GuardReport;
  notes: string[];
}
