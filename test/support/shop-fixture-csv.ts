import { rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * A CSV file → Parquet with DuckDB's detected column types, ids kept as text (a warehouse stores
 * them as strings: "1000.1709283600" must not become a number); the CSV is removed.
 */
export async function csvToParquet(csv: string, parquet: string): Promise<string> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
  try {
    await con.run(`COPY (SELECT * FROM read_csv(${q(csv)}, header = true, types = {'id': 'VARCHAR', 'anonymous_id': 'VARCHAR', 'user_id': 'VARCHAR'})) TO ${q(parquet)} (FORMAT parquet)`);
  } finally {
    con.closeSync();
    db.closeSync();
  }
  rmSync(csv);
  return parquet;
}
