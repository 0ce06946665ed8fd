import type { StoredEvent } from '../core/wire/wire.js';
import type { ForgetWire } from '../core/wire/wire.js';
import type { WorkerEngine } from '../core/engine/engine.js';
import { debug } from '../core/log.js';

type SyncMessage = { kind: 'events'; events: StoredEvent[] } | { kind: 'forget'; what: ForgetWire };

/**
 * Keeps the workers of several tabs (same origin, same database) in step: each tells the
 * others what it stored or forgot, on a BroadcastChannel — an in-browser channel, nothing
 * leaves the device. IndexedDB remains the source of truth; this only saves the other tabs
 * from re-reading it before their next rerank.
 */
export function createTabSync(dbName: string, engine: WorkerEngine) {
  if (typeof BroadcastChannel === 'undefined') return { publish() {}, close() {} };
  const channel = new BroadcastChannel(`hearth:${dbName}`);
  channel.onmessage = (e: MessageEvent<SyncMessage>) => {
    const msg = e.data;
    if (msg?.kind === 'events' && Array.isArray(msg.events)) engine.ingest(msg.events);
    else if (msg?.kind === 'forget' && msg.what) engine.forgetLocal(msg.what);
  };
  return {
    publish(msg: SyncMessage): void {
      try {
        channel.postMessage(msg);
      } catch (err) {
        debug('tab sync failed', err);
      }
    },
    close(): void {
      channel.close();
    },
  };
}
