/**
 * The output column names of a SQL statement's outermost SELECT lists (each branch of a
 * UNION ALL), read from the text: comments and string literals skipped, CTEs and subqueries
 * (inside parentheses) ignored, a column named by its `AS` alias or else its last identifier.
 */
export function selectColumns(sql: string): string[][] {
  const text = sql.replace(/--[^\n]*/g, '').replace(/'(?:[^']|'')*'/g, "''");
  const lists: string[][] = [];
  let depth = 0;
  let start = -1;
  let cols: string[] = [];
  let colStart = 0;
  const word = (i: number, w: string) => text.slice(i, i + w.length).toUpperCase() === w && !/\w/.test(text[i - 1] ?? ' ') && !/\w/.test(text[i + w.length] ?? ' ');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0 && start < 0 && word(i, 'SELECT')) {
      start = i + 6;
      colStart = start;
      cols = [];
    } else if (depth === 0 && start >= 0 && ch === ',') {
      cols.push(text.slice(colStart, i));
      colStart = i + 1;
    } else if (depth === 0 && start >= 0 && word(i, 'FROM')) {
      cols.push(text.slice(colStart, i));
      lists.push(cols.map(columnName));
      start = -1;
    }
  }
  return lists;
}

function columnName(expr: string): string {
  const e = expr.trim();
  const alias = /\bAS\s+"?(\w+)"?$/i.exec(e);
  if (alias) return alias[1]!;
  const last = /(\w+)"?$/.exec(e);
  if (!last) throw new Error(`no column name in '${e}'`);
  return last[1]!;
}
