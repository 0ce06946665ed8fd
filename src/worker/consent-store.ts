import { createMemoryStore } from '../core/store/memory-store.js';
import { openIdbStore } from './store/idb-store.js';
import type { EventStore } from '../core/store/event-store.js';
import type { ConsentState } from '../core/types.js';
import { debug } from '../core/log.js';

/** IndexedDB, or memory where it is unavailable (private modes, disabled storage, a blocked upgrade). */
export async function openStore(dbName: string): Promise<EventStore> {
  try {
    return await openIdbStore(dbName);
  } catch (err) {
    debug('IndexedDB unavailable, using memory', err);
    return createMemoryStore();
  }
}

/** Deletes the whole database. Our own connection must be closed first, or the delete waits for it. */
export function deleteDatabase(dbName: string): Promise<void> {
  return new Promise((resolve) => {
    try {
      const req = indexedDB.deleteDatabase(dbName);
      req.onsuccess = () => resolve();
      req.onerror = () => resolve(); // nothing to delete, or no IndexedDB at all
      // Another tab still holds it open: its worker closes on `versionchange`, then this succeeds.
      req.onblocked = () => debug('deleting the database waits for another tab');
    } catch {
      resolve();
    }
  });
}

/**
 * Where events may go under a consent state: only `'granted'` touches IndexedDB. `'pending'`
 * keeps them in memory for this page; `'denied'` deletes what was stored before.
 */
export async function storeForConsent(consent: ConsentState, dbName: string): Promise<EventStore> {
  if (consent === 'granted') return openStore(dbName);
  if (consent === 'denied') await deleteDatabase(dbName);
  return createMemoryStore();
}
