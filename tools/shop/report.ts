import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ShopReport } from './report-types.js';
import { reportMarkdown } from './report-md.js';

export function writeReport(dir: string, report: ShopReport): void {
  writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v), 1));
  writeFileSync(path.join(dir, 'report.md'), reportMarkdown(report));
}
