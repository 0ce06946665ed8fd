import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { HearthDB } from './schema.js';

/** One step per version, applied in order from the database's version to the current one. */
export function upgradeSchema(
  db: IDBPDatabase<HearthDB>,
  oldVersion: number,
  tx: IDBPTransaction<HearthDB, StoreNames<HearthDB>[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    const events = db.createObjectStore('events', { keyPath: 'seq', autoIncrement: true });
    events.createIndex('by-item', 'item.id');
    db.createObjectStore('meta', { keyPath: 'key' });
  }
  if (oldVersion < 2) {
    // Existing events stay where they are; IndexedDB fills the new index from them.
    tx.objectStore('events').createIndex('by-at', 'at');
  }
}
