import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openIdbStore } from '../../src/worker/store/idb-store.js';
import { PUBLIC_META_PREFIX } from '../../src/core/store/event-store.js';
import { DB_VERSION } from '../../src/worker/store/schema.js';
import type { WireEvent } from '../../src/core/wire/wire.js';

const event = (id: string, at = 1_800_000_000_000): WireEvent => ({ type: 'click', item: { id }, at });

describe('IndexedDB store (fake-indexeddb)', () => {
  it('appends, loads newest-last, and survives reopening', async () => {
    const store = await openIdbStore('t-append');
    const stored = await store.append([event('a'), event('b')], 100);
    expect(stored.map((s) => s.seq)).toEqual([1, 2]);
    store.close();
    const again = await openIdbStore('t-append');
    expect((await again.load(10)).map((e) => e.item.id)).toEqual(['a', 'b']);
    expect((await again.load(1)).map((e) => e.item.id)).toEqual(['b']);
    again.close();
  });

  it('prunes the oldest events past the cap', async () => {
    const store = await openIdbStore('t-prune');
    for (let i = 0; i < 8; i++) await store.append([event(`i${i}`)], 3);
    expect(await store.count()).toBe(3);
    expect((await store.load(10)).map((e) => e.item.id)).toEqual(['i5', 'i6', 'i7']);
    store.close();
  });

  it('deletes one item and clears shopper data but keeps public meta', async () => {
    const store = await openIdbStore('t-delete');
    await store.append([event('a'), event('b'), event('a')], 100);
    expect(await store.deleteWhere({ itemId: 'a' })).toBe(2);
    expect((await store.load(10)).map((e) => e.item.id)).toEqual(['b']);
    await store.setMeta(`${PUBLIC_META_PREFIX}model`, { v: 1 });
    await store.setMeta('personal', { v: 2 });
    await store.clear();
    expect(await store.count()).toBe(0);
    expect(await store.getMeta(`${PUBLIC_META_PREFIX}model`)).toEqual({ v: 1 });
    expect(await store.getMeta('personal')).toBeUndefined();
    store.close();
  });

  it('steps aside when another tab upgrades the schema', async () => {
    const store = await openIdbStore('t-blocking');
    await store.append([event('a')], 100);
    // Another tab opening a newer version: our connection must close instead of blocking it.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('t-blocking', DB_VERSION + 1);
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('upgrade was blocked'));
    });
    // The database is now newer than this build understands: it says so instead of hanging.
    await expect(store.count()).rejects.toThrow();
  });

  it('gives up (for a memory fallback) when an old tab never releases its connection', async () => {
    const stubborn = await rawOpen('t-blocked', 1, (db) => db.createObjectStore('events', { keyPath: 'seq', autoIncrement: true }));
    stubborn.onversionchange = null; // an old tab that ignores requests to close
    await expect(openIdbStore('t-blocked')).rejects.toMatchObject({ name: 'HearthStoreBlockedError' });
    stubborn.close();
  }, 15_000);

  it('migrates a version-1 database (fixture of the shipped v1 layout) keeping every event', async () => {
    const v1 = await rawOpen('t-migrate', 1, (db) => {
      const events = db.createObjectStore('events', { keyPath: 'seq', autoIncrement: true });
      events.createIndex('by-item', 'item.id');
      db.createObjectStore('meta', { keyPath: 'key' });
    });
    await new Promise<void>((resolve, reject) => {
      const tx = v1.transaction('events', 'readwrite');
      for (const [id, at] of [['a', 1_800_000_000_000], ['b', 1_800_000_100_000], ['a', 1_800_000_200_000]] as const) tx.objectStore('events').add({ type: 'click', item: { id }, at });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    v1.close();

    const store = await openIdbStore('t-migrate');
    expect((await store.load(10)).map((e) => [e.seq, e.item.id])).toEqual([[1, 'a'], [2, 'b'], [3, 'a']]);
    expect(await store.deleteWhere({ itemId: 'a' })).toBe(2);
    store.close();
    const upgraded = await rawOpen('t-migrate', DB_VERSION, () => undefined);
    const index = upgraded.transaction('events').objectStore('events').index('by-at');
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const req = index.getAllKeys();
      req.onsuccess = () => resolve(req.result);
    });
    expect(keys).toEqual([2]);
    upgraded.close();
  });

  it('prunes the oldest fifth and retries when the quota is exceeded', async () => {
    const store = await openIdbStore('t-quota');
    for (let i = 0; i < 10; i++) await store.append([event(`q${i}`)], 100);
    // eslint-disable-next-line @typescript-eslint/unbound-method -- restored below; the stand-in calls it with its own `this`
    const add = IDBObjectStore.prototype.add;
    let failures = 1;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (failures-- > 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return add.apply(this, args);
    };
    try {
      await store.append([event('new')], 100);
    } finally {
      IDBObjectStore.prototype.add = add;
    }
    expect((await store.load(100)).map((e) => e.item.id)).toEqual(['q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'new']);
    store.close();
  });
});

function rawOpen(name: string, version: number, upgrade: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, version);
    req.onupgradeneeded = () => upgrade(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

describe('IndexedDB deleteWhere', () => {
  it('deletes by time range (by-at index), brand and category', async () => {
    const store = await openIdbStore('t-where');
    await store.append(
      [
        { type: 'click', item: { id: 'a', brand: 'Acme', categories: ['Tents'] }, at: 1_000 },
        { type: 'click', item: { id: 'b', brand: 'Other', categories: ['Shoes'] }, at: 2_000 },
        { type: 'click', item: { id: 'c', brand: 'acme' }, at: 3_000 },
        { type: 'click', item: { id: 'd', categories: ['tents'] }, at: 4_000 },
      ],
      100,
    );
    expect(await store.deleteWhere({ from: 1_500, to: 2_500 })).toBe(1);
    expect(await store.deleteWhere({ brand: 'ACME' })).toBe(2);
    expect(await store.deleteWhere({ category: 'Tents' })).toBe(1);
    expect(await store.count()).toBe(0);
    store.close();
  });
});
