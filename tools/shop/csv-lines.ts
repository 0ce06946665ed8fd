import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Where each record of a CSV or TSV file starts, by line: data row N (1-based, after the header)
 * begins on line `starts[N]`. A quoted field may hold line breaks, so a row's line is counted
 * here (quote-aware, as DuckDB reads it) rather than taken as N + 1. Read in chunks, once per
 * file, only when a problem needs a line.
 */
export function recordStartLines(file: string): Int32Array {
  const starts: number[] = [1];
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  let line = 1;
  let quoted = false;
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      for (let i = 0; i < n; i++) {
        const c = buf[i]!;
        if (c === 0x22) quoted = !quoted;
        else if (c === 0x0a) {
          line++;
          if (!quoted) starts.push(line);
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return Int32Array.from(starts);
}

/** Lines of data rows in the CSV/TSV files read, by the file name problems carry. */
export class CsvLines {
  private readonly paths = new Map<string, string>();
  private readonly starts = new Map<string, Int32Array>();

  add(name: string, fullPath: string): void {
    this.paths.set(name, fullPath);
  }

  /** The line data row `row` starts on, or undefined for a file that is not a plain CSV/TSV. */
  line(name: string, row: number): number | undefined {
    const p = this.paths.get(name);
    if (p === undefined) return undefined;
    let s = this.starts.get(name);
    if (!s) this.starts.set(name, (s = recordStartLines(p)));
    return s[row];
  }
}
