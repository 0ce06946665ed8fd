import type { ShopFacts } from './shop-dataset.js';
import type { StageFact } from './stages.js';
import type { ShopEvaluation } from './shop-evaluate.js';

/** What `npm run train` writes beside the model: report.json and the same as report.md. */
export interface ShopReport {
  command: string;
  createdAt: string;
  input: ShopFacts;
  stages: StageFact[];
  model: { version: string; rows: number; dims: number; jsonBytes: number; binBytes: number; bestEpoch: number };
  evaluation?: ShopEvaluation | undefined;
}
