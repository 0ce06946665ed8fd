/**
 * A problem with the shop's files. `where` names the file and, when known, the row or line and
 * the column, so a data team can open the file at the spot; the CLIs print it and exit non-zero.
 */
export class ShopDataError extends Error {
  override name = 'ShopDataError';
}

export interface Where {
  file: string;
  /** Data row, 1-based after any header (DuckDB's row_number over the file). */
  row?: number;
  /** The line the row starts on, when known (CSV: quoted fields may span lines). */
  line?: number;
  column?: string;
}

export function at(where: Where): string {
  const parts = [where.file];
  if (where.line !== undefined && where.row !== undefined) parts.push(`line ${where.line} (row ${where.row})`);
  else if (where.line !== undefined) parts.push(`line ${where.line}`);
  else if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.column !== undefined) parts.push(`column '${where.column}'`);
  return parts.join(', ');
}

export function shopError(where: Where, message: string): ShopDataError {
  return new ShopDataError(`${at(where)}: ${message}`);
}

/**
 * DuckDB's own messages name the line of a malformed CSV or JSON record ("line 12"); this puts
 * the file in front (DuckDB names a file only sometimes) and keeps the first lines of the message.
 */
export function duckError(file: string, err: unknown): Error {
  if (err instanceof ShopDataError) return err;
  const message = (err as Error).message.split('\n').filter((l) => l.trim() && !l.startsWith('LINE ') && !/^\s*\^/.test(l)).slice(0, 4).join(' ');
  return new ShopDataError(`${file}: ${message}`);
}
