import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { duckError, shopError } from './shop-error.js';

/**
 * The first line of a newline-delimited JSON file (gzip too) that does not parse, 1-based, with
 * JSON.parse's reason. DuckDB's "Malformed JSON … in line N" can name the line after a cut one
 * (the string runs into the newline), so on that error the file is read once more here.
 */
export async function firstBadJsonLine(file: string): Promise<{ line: number; reason: string } | undefined> {
  const raw = createReadStream(file);
  const lines = createInterface({ input: file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const text of lines) {
      n++;
      if (!text.trim()) continue;
      try {
        JSON.parse(text);
      } catch (err) {
        return { line: n, reason: (err as Error).message };
      }
    }
  } finally {
    lines.close();
    raw.destroy();
  }
  return undefined;
}

/** A DuckDB error on a JSON-lines file, with the malformed line found exactly when that is the error. */
export async function jsonLinesError(file: string, err: unknown): Promise<Error> {
  if (!/Malformed JSON/i.test((err as Error).message ?? '')) return duckError(file, err);
  const bad = await firstBadJsonLine(file).catch(() => undefined);
  return bad ? shopError({ file, line: bad.line }, `malformed JSON: ${bad.reason}`) : duckError(file, err);
}
