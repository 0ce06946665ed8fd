import type { DBSchema } from 'idb';
import type { StoredEvent } from '../core/wire.js';

/**
 * The one IndexedDB schema. Bump `DB_VERSION` and add a step to `upgrade` in `idb-store.ts`
 * for every change; never edit a shipped step.
 */
export const DB_VERSION = 1;

export interface HearthDB extends DBSchema {
  events: {
    key: number;
    value: StoredEvent;
    indexes: { 'by-item': string };
  };
  meta: {
    key: string;
    value: { key: string; value: unknown };
  };
}
