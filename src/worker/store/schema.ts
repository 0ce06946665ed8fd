import type { DBSchema } from 'idb';
import type { StoredEvent } from '../../core/wire/wire.js';

/**
 * The one IndexedDB schema. Bump `DB_VERSION` and add a step to `upgradeSchema` for every
 * change; never edit a shipped step (a shopper's database may be at any older version).
 *
 * - v1: `events` (auto-increment `seq`, index `by-item`), `meta` (key/value).
 * - v2: index `by-at` on events, for forgetting a time range and pruning by age.
 */
export const DB_VERSION = 2;

export interface HearthDB extends DBSchema {
  events: {
    key: number;
    value: StoredEvent;
    indexes: { 'by-item': string; 'by-at': number };
  };
  meta: {
    key: string;
    value: { key: string; value: unknown };
  };
}
