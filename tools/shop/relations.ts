import type { Inspected } from './inputs.js';
import { sqlString } from './duck.js';
import { shopError } from './shop-error.js';

/**
 * The DuckDB relation a query file's `{{source}}` becomes for one file. Delimited text is read
 * all as text (prices and times are parsed in SQL, so a bad value is a counted row, not a failed
 * load); missing optional columns are added as NULL, a missing required column is an error.
 */
export function baseRelation(f: Inspected, jsonColumns?: Record<string, string>): string {
  const file = sqlString(f.file);
  switch (f.peek.kind) {
    case 'parquet':
      return `read_parquet(${file})`;
    case 'json-lines': {
      const cols = jsonColumns ? `, columns = {${Object.entries(jsonColumns).map(([k, t]) => `${sqlString(k)}: ${sqlString(t)}`).join(', ')}}` : '';
      return `read_json(${file}, format = 'newline_delimited'${cols})`;
    }
    case 'tsv':
      return `read_csv(${file}, header = true, all_varchar = true, delim = '\t', quote = '"', escape = '"')`;
    case 'csv':
      return `read_csv(${file}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
    case 'xml':
      throw shopError({ file: f.file }, 'XML is read only as a Merchant Center feed');
  }
}

/** `required` entries are a column or a list of alternatives (any one will do). */
export function withColumns(f: Inspected, relation: string, what: string, required: Array<string | string[]>, optional: Record<string, string>): string {
  for (const need of required) {
    const options = Array.isArray(need) ? need : [need];
    if (!options.some((c) => f.columns.includes(c))) {
      throw shopError({ file: f.file, column: options.join("' or '") }, `missing column: ${what} needs ${required.map((r) => (Array.isArray(r) ? r.join(' or ') : r)).join(', ')}; the file has ${f.columns.join(', ') || 'no columns'}`);
    }
  }
  const missing = Object.entries(optional).filter(([c]) => !f.columns.includes(c));
  if (missing.length === 0) return relation;
  return `(SELECT *, ${missing.map(([c, t]) => `CAST(NULL AS ${t}) AS "${c}"`).join(', ')} FROM ${relation})`;
}
