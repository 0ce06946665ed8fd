import { openDB, type IDBPDatabase } from 'idb';
import { HEARTH_ERRORS, hearthError } from '../../core/errors.js';
import { DB_VERSION, type HearthDB } from './schema.js';
import { upgradeSchema } from './upgrade-schema.js';

/** How long to wait for another tab to release an old connection before giving up on IndexedDB. */
const BLOCKED_TIMEOUT_MS = 5_000;

export interface IdbConnection {
  /** The open database, opened (again) on demand. */
  db(): Promise<IDBPDatabase<HearthDB>>;
  close(): void;
}

/**
 * The connection opens lazily and reopens after another tab asks us to step aside for a schema
 * upgrade (`blocking`) or the browser drops it (`terminated`), so a long-lived worker never
 * deadlocks an upgrade and never holds a dead handle. If an old tab holds on to its connection
 * (`blocked`) for too long, opening fails and the caller falls back to memory rather than
 * waiting forever.
 */
export function connectIdb(dbName: string): IdbConnection {
  let connection: Promise<IDBPDatabase<HearthDB>> | undefined;

  const db = (): Promise<IDBPDatabase<HearthDB>> => {
    if (connection) return connection;
    let giveUp: ((err: Error) => void) | undefined;
    let blockedTimer: ReturnType<typeof setTimeout> | undefined;
    const blockedTooLong = new Promise<never>((_, reject) => (giveUp = reject));
    const opening = openDB<HearthDB>(dbName, DB_VERSION, {
      upgrade: (database, oldVersion, _newVersion, tx) => upgradeSchema(database, oldVersion, tx),
      blocked() {
        blockedTimer ??= setTimeout(
          () => giveUp?.(hearthError(HEARTH_ERRORS.storeBlocked, `IndexedDB upgrade of "${dbName}" blocked by another tab`)),
          BLOCKED_TIMEOUT_MS,
        );
      },
      blocking() {
        void connection?.then((d) => d.close());
        connection = undefined;
      },
      terminated() {
        connection = undefined;
      },
    });
    connection = Promise.race([opening, blockedTooLong])
      .finally(() => clearTimeout(blockedTimer))
      .catch((err: unknown) => {
        connection = undefined;
        // If the old tab lets go later, close the connection nobody is waiting for any more.
        void opening.then((d) => d.close()).catch(() => undefined);
        throw err;
      });
    return connection;
  };
  return {
    db,
    close() {
      void connection?.then((d) => d.close());
      connection = undefined;
    },
  };
}
