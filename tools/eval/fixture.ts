import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A tiny dataset folder in the shared format, written at test time. */
export function writeFixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-ds-'));
  const seqs: string[] = [];
  const negs: string[] = [];
  // Items 1..40; brand attribute 100 + (item % 4). Users walk through one brand: i, i+4, i+8, …
  for (let u = 1; u <= 60; u++) {
    const start = 1 + (u % 20);
    const seq = Array.from({ length: 5 + (u % 4) }, (_, k) => ((start - 1 + 4 * k) % 40) + 1);
    seqs.push(`${u} ${seq.join(' ')}`);
    const pool = Array.from({ length: 40 }, (_, i) => i + 1).filter((i) => !seq.includes(i));
    negs.push(`${u} ${pool.slice(0, 20).join(' ')}`);
  }
  const attrs: Record<string, number[]> = {};
  for (let i = 1; i <= 40; i++) attrs[String(i)] = [100 + (i % 4), 7];
  writeFileSync(path.join(dir, 'sequences.txt'), seqs.join('\n') + '\n');
  writeFileSync(path.join(dir, 'negatives_99.txt'), negs.join('\n') + '\n');
  writeFileSync(path.join(dir, 'item_attributes.json'), JSON.stringify(attrs));
  return dir;
}
