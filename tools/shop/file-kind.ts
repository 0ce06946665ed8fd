import { closeSync, openSync, readSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';

/** What a file holds, from its first bytes: the readers pick their DuckDB function by it. */
export type FileKind = 'parquet' | 'json-lines' | 'xml' | 'tsv' | 'csv';

export interface Peek {
  kind: FileKind;
  gzip: boolean;
  /** The first text line (delimited and JSON files), for column names. */
  firstLine: string;
  /** The first 64 KiB as text (not for Parquet). */
  head: string;
}

const HEAD_BYTES = 65_536;

export function peekFile(file: string): Peek {
  const fd = openSync(file, 'r');
  let bytes: Buffer;
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    bytes = buf.subarray(0, readSync(fd, buf, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
  if (bytes.subarray(0, 4).toString('latin1') === 'PAR1') return { kind: 'parquet', gzip: false, firstLine: '', head: '' };
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const head = gzip ? gunzipHead(bytes) : bytes.toString('utf8');
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const kind: FileKind = text.startsWith('{') ? 'json-lines' : text.startsWith('<') ? 'xml' : firstLine.includes('\t') ? 'tsv' : 'csv';
  return { kind, gzip, firstLine, head: text };
}

/** The start of a gzip file: sync-flush decompression accepts a stream cut off after 64 KiB. */
function gunzipHead(bytes: Buffer): string {
  return gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
}

/** Column names of a delimited header line (quotes removed). */
export function headerColumns(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
}
