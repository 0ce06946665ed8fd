import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/**
 * The embedded DuckDB the shop readers run their `sql/*.sql` files in. A query file names its
 * inputs as `{{placeholders}}`; `runSqlFile` substitutes them (each a SQL expression, usually
 * `read_csv('…')`) so the same file runs by hand in the duckdb CLI after a text replace.
 */
export interface Duck {
  run(sql: string): Promise<void>;
  rows(sql: string): Promise<Array<Record<string, unknown>>>;
  runFile(name: string, vars: Record<string, string>): Promise<void>;
  close(): void;
}

const SQL_DIR = new URL('./sql/', import.meta.url);

export function sqlText(name: string, vars: Record<string, string>): string {
  const text = readFileSync(new URL(`${name}.sql`, SQL_DIR), 'utf8');
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const v = vars[key];
    if (v === undefined) throw new Error(`sql/${name}.sql: no value for {{${key}}}`);
    return v;
  });
}

/** A path as a SQL string literal. */
export const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A list of paths as a SQL list literal (DuckDB's readers take lists and globs). */
export const sqlFiles = (files: readonly string[]): string => `[${files.map(sqlString).join(', ')}]`;

export async function openDuck(): Promise<Duck> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1', preserve_insertion_order: 'true' });
  const conn: DuckDBConnection = await instance.connect();
  const duck: Duck = {
    async run(sql) {
      await conn.run(sql);
    },
    async rows(sql) {
      const r = await conn.runAndReadAll(sql);
      return r.getRowObjectsJS();
    },
    async runFile(name, vars) {
      await conn.run(sqlText(name, vars));
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
  return duck;
}
