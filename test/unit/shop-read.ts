import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readShopData } from '../../tools/shop/shop-dataset.js';
import { Stages } from '../../tools/shop/stages.js';
import type { ShopOptions } from '../../tools/shop/shop-options.js';

/** Helpers the shop-data tests share: a temp folder, the reader in-process, a shopper's steps. */
export const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'hearth-shop-'));

export async function read(options: Partial<ShopOptions> & { events: string }) {
  const stages = new Stages();
  try {
    return await readShopData({ idKey: 'item', ...options }, stages);
  } finally {
    await stages.close();
  }
}

export type ShopRead = Awaited<ReturnType<typeof read>>;

/** Every shopper's steps as item ids, keyed by the shopper id the reader kept. */
export function sequencesOf(r: ShopRead): Map<string, string[]> {
  return new Map(r.dataset.users.map((u, n) => [u, Array.from(r.dataset.sequences[n]!, (i) => r.dataset.itemIds[i]!)]));
}
