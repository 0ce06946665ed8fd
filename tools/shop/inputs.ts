import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Duck } from './duck.js';
import { sqlString } from './duck.js';
import { headerColumns, peekFile, type Peek } from './file-kind.js';
import { ShopDataError, shopError } from './shop-error.js';

/**
 * `--events` and `--catalog` take a file, a folder (every file in it, sorted; hidden files
 * skipped) or a glob (expanded by DuckDB's `glob()`, so `'export/*.parquet'` works unexpanded
 * by the shell). Returns the files in a fixed order.
 */
export async function expandInput(duck: Duck, spec: string, flag: string): Promise<string[]> {
  if (/[*?[]/.test(spec) && !existsSync(spec)) {
    const rows = await duck.rows(`SELECT file FROM glob(${sqlString(spec)}) ORDER BY file`);
    if (rows.length === 0) throw new ShopDataError(`--${flag}: no file matches '${spec}'`);
    return rows.map((r) => String(r.file));
  }
  if (!existsSync(spec)) throw new ShopDataError(`--${flag}: no file or folder at '${spec}'`);
  if (!statSync(spec).isDirectory()) return [spec];
  const files = readdirSync(spec, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.split(path.sep).some((part) => part.startsWith('.')))
    .map((f) => path.join(spec, f))
    .filter((f) => statSync(f).isFile())
    .sort();
  if (files.length === 0) throw new ShopDataError(`--${flag}: the folder '${spec}' has no files`);
  return files;
}

/** A research-format folder (`sequences.txt`), read by tools/eval/dataset.ts. */
export function isResearchFolder(spec: string): boolean {
  return existsSync(spec) && statSync(spec).isDirectory() && existsSync(path.join(spec, 'sequences.txt'));
}

export interface Inspected {
  file: string;
  peek: Peek;
  columns: string[];
}

/** The file's kind and column names (Parquet's from its schema, JSON lines' from line 1). */
export async function inspect(duck: Duck, file: string): Promise<Inspected> {
  const peek = peekFile(file);
  if (peek.kind === 'parquet') {
    const rows = await duck.rows(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`);
    return { file, peek, columns: rows.map((r) => String(r.column_name)) };
  }
  if (peek.kind === 'json-lines') {
    let first: unknown;
    try {
      first = JSON.parse(peek.firstLine);
    } catch (err) {
      throw shopError({ file, line: 1 }, `not valid JSON (${(err as Error).message})`);
    }
    return { file, peek, columns: typeof first === 'object' && first !== null ? Object.keys(first) : [] };
  }
  if (peek.kind === 'xml') return { file, peek, columns: [] };
  return { file, peek, columns: headerColumns(peek.firstLine, peek.kind === 'tsv' ? '\t' : ',') };
}
