import { at, shopError, type Where } from './shop-error.js';
import { CsvLines } from './csv-lines.js';

/**
 * Row problems that can be skipped (a row without a shopper id, a price like "abc"): each is
 * counted by reason with its first few places, for the report. `strict` makes the first one an
 * error instead (`--strict`).
 */
export interface ProblemCount {
  count: number;
  examples: string[];
}

const EXAMPLES = 3;

export class Problems {
  readonly byReason = new Map<string, ProblemCount>();
  /** CSV/TSV files read: a row problem in one also names the line the row starts on. */
  readonly csv = new CsvLines();
  constructor(private readonly strict = false) {}

  private locate(w: Where): Where {
    if (w.row === undefined || w.line !== undefined) return w;
    const line = this.csv.line(w.file, w.row);
    return line === undefined ? w : { ...w, line };
  }

  add(reason: string, given: Where, count = 1): void {
    const where = this.locate(given);
    if (this.strict) throw shopError(where, `${reason} (run without --strict to skip such rows and count them in the report)`);
    let p = this.byReason.get(reason);
    if (!p) this.byReason.set(reason, (p = { count: 0, examples: [] }));
    p.count += count;
    if (p.examples.length < EXAMPLES) p.examples.push(at(where));
  }

  /** Counts from a query (examples already located). `expected`: rows every export has (GA4 page_view), never an error. */
  addCounted(reason: string, count: number, examples: Where[], expected = false): void {
    if (count === 0) return;
    if (this.strict && !expected) this.add(reason, examples[0] ?? { file: '?' });
    const p = this.byReason.get(reason) ?? { count: 0, examples: [] };
    p.count += count;
    for (const w of examples) if (p.examples.length < EXAMPLES) p.examples.push(at(this.locate(w)));
    this.byReason.set(reason, p);
  }

  toJSON(): Record<string, ProblemCount> {
    return Object.fromEntries(this.byReason);
  }
}
