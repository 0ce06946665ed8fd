import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ShopFacts } from './shop-dataset.js';
import type { StageFact } from './stages.js';
import type { ShopEvaluation } from './shop-evaluate.js';
import { reportMarkdown } from './report-md.js';

/** What `npm run train` writes beside the model: report.json and the same as report.md. */
export interface ShopReport {
  command: string;
  createdAt: string;
  input: ShopFacts;
  stages: StageFact[];
  model: { version: string; rows: number; dims: number; jsonBytes: number; binBytes: number; bestEpoch: number };
  evaluation?: ShopEvaluation | undefined;
}

export function writeReport(dir: string, report: ShopReport): void {
  writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v), 1));
  writeFileSync(path.join(dir, 'report.md'), reportMarkdown(report));
}
