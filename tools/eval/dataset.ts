import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { WireItem } from '../../src/core/wire/wire.js';

/**
 * A sequential-recommendation dataset in the folder format of `shared/datasets/*`:
 * `sequences.txt` (user item item …, oldest first), `item_attributes.json` ({ item: [attr…] })
 * and, optionally, `negatives_99.txt` (user neg × 99). Nothing here knows which dataset it is:
 * item and attribute ids are opaque.
 */
export interface Dataset {
  name: string;
  /** Each user's items, oldest first, as dense item indices. */
  sequences: Int32Array[];
  /** Original user ids, parallel to `sequences`. */
  users: string[];
  /** Original item ids by dense index. */
  itemIds: string[];
  /** The item as the page would describe it: id plus its attributes as categories. */
  items: WireItem[];
  /** Sampled-protocol negatives per user (dense indices), parallel to `sequences`; empty when the file is missing. */
  negatives: Int32Array[];
}

export interface ReadOptions {
  /** Keep only the first N users (quick runs). */
  limitUsers?: number;
}

export function readDataset(folder: string, options: ReadOptions = {}): Dataset {
  const seqText = readFileSync(path.join(folder, 'sequences.txt'), 'utf8');
  const attrPath = path.join(folder, 'item_attributes.json');
  let attrs: Record<string, unknown> = {};
  try {
    attrs = JSON.parse(readFileSync(attrPath, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const index = new Map<string, number>();
  const itemIds: string[] = [];
  const intern = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = itemIds.length;
      index.set(id, i);
      itemIds.push(id);
    }
    return i;
  };
  // Every item with attributes is part of the catalogue, even if no sequence mentions it.
  const users: string[] = [];
  const sequences: Int32Array[] = [];
  const userIndex = new Map<string, number>();
  for (const line of seqText.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2 || !parts[0]) continue;
    userIndex.set(parts[0], users.length);
    users.push(parts[0]);
    sequences.push(Int32Array.from(parts.slice(1), intern));
    if (options.limitUsers && users.length >= options.limitUsers) break;
  }
  for (const id of Object.keys(attrs)) intern(id);
  const items: WireItem[] = itemIds.map((id) => {
    const item: WireItem = { id };
    const a = attrs[id];
    if (Array.isArray(a) && a.length > 0) item.categories = a.map((v) => `a${String(v)}`);
    return item;
  });
  const negatives: Int32Array[] = sequences.map(() => new Int32Array(0));
  const negPath = path.join(folder, 'negatives_99.txt');
  let negText = '';
  try {
    negText = readFileSync(negPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  for (const line of negText.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2 || !parts[0]) continue;
    const u = userIndex.get(parts[0]);
    if (u === undefined) continue;
    negatives[u] = Int32Array.from(parts.slice(1), (id) => {
      const i = index.get(id);
      if (i === undefined) {
        // A negative never seen in any sequence or attribute list: still a catalogue item.
        const j = intern(id);
        items.push({ id });
        return j;
      }
      return i;
    });
  }
  return { name: path.basename(path.resolve(folder)), sequences, users, itemIds, items, negatives };
}

/** Leave-one-out split of one sequence: training prefix, validation item, test item. */
export function splitUser(seq: Int32Array): { train: Int32Array; valid: number; test: number } {
  const n = seq.length;
  return { train: seq.subarray(0, Math.max(0, n - 2)), valid: n >= 2 ? seq[n - 2]! : -1, test: seq[n - 1]! };
}
