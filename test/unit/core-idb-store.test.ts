import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openIdbStore } from '../../src/store/idb-store.js';
import { PUBLIC_META_PREFIX } from '../../src/store/event-store.js';
import type { WireEvent } from '../../src/core/wire.js';

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
    expect(await store.deleteItem('a')).toBe(2);
    expect((await store.load(10)).map((e) => e.item.id)).toEqual(['b']);
    await store.setMeta(`${PUBLIC_META_PREFIX}model`, { v: 1 });
    await store.setMeta('personal', { v: 2 });
    await store.clear();
    expect(await store.count()).toBe(0);
    expect(await store.getMeta(`${PUBLIC_META_PREFIX}model`)).toEqual({ v: 1 });
    expect(await store.getMeta('personal')).toBeUndefined();
    store.close();
  });

  it('steps aside when another connection upgrades the schema, then reopens', async () => {
    const store = await openIdbStore('t-blocking');
    await store.append([event('a')], 100);
    // Another tab opening a newer version: our connection must close instead of blocking it.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('t-blocking', 2);
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('upgrade was blocked'));
    });
    // A version-2 database is now on disk: this build (version 1) cannot open it again, and says so.
    await expect(store.count()).rejects.toThrow();
  });
});
