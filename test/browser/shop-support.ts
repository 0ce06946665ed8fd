import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';
import type { LoggedRequest } from '../support/static-server.js';

/** One stored event, as read back from IndexedDB. */
export interface Stored {
  type: string;
  id: string;
  listId?: string;
  position?: number;
  dwellMs?: number;
  item: { id: string; title?: string; brand?: string; categories?: string[]; price?: number };
}

/**
 * The shopper's stored history, read with the raw IndexedDB API (not through Hearth).
 * An open that would create the database is aborted, so reading never races the worker's
 * own schema upgrade.
 */
export function history(page: Page, dbName = 'hearth'): Promise<Stored[]> {
  return page.evaluate(
    (name) =>
      new Promise<Stored[]>((resolve) => {
        const req = indexedDB.open(name);
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onerror = () => resolve([]);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('events')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('events').objectStore('events').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(
              (all.result as Array<Stored & { item: Stored['item'] }>).map((e) => ({
                type: e.type,
                id: e.item.id,
                ...(e.listId !== undefined ? { listId: e.listId } : {}),
                ...(e.position !== undefined ? { position: e.position } : {}),
                ...(e.dwellMs !== undefined ? { dwellMs: e.dwellMs } : {}),
                item: e.item,
              })),
            );
          };
          all.onerror = () => resolve([]);
        };
      }),
    dbName,
  );
}

/** Waits until the stored history satisfies `check`, then returns it. */
export async function historyUntil(page: Page, check: (events: Stored[]) => boolean, dbName = 'hearth'): Promise<Stored[]> {
  let last: Stored[] = [];
  await expect
    .poll(
      async () => {
        last = await history(page, dbName);
        return check(last);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return last;
}

/** Counts events by type, e.g. `{ impression: 16, click: 2 }`. */
export function countByType(events: Stored[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) out[e.type] = (out[e.type] ?? 0) + 1;
  return out;
}

/** Ids of the grid's cards in DOM order. */
export function gridOrder(page: Page, selector = '[data-hearth-rerank]'): Promise<string[]> {
  return page.$$eval(`${selector} > [data-hearth-item]`, (cards) => cards.map((c) => c.getAttribute('data-hearth-id') ?? JSON.parse(c.getAttribute('data-hearth-item') ?? '{}').id));
}

/** Waits for the page's record of `hearth:rerank` events (pages collect them in `window.reranks`). */
export async function firstRerank(page: Page): Promise<{ reordered: boolean; fallback: boolean }> {
  await page.waitForFunction(() => ((window as unknown as { reranks?: unknown[] }).reranks ?? []).length > 0, undefined, { timeout: 30_000 });
  return page.evaluate(() => (window as unknown as { reranks: Array<{ reordered: boolean; fallback: boolean }> }).reranks[0]!);
}

/**
 * The privacy check: every request the server saw is a GET without a body, for Hearth's own
 * static files or the test pages, with no query string and no item id in the path.
 */
export function expectNothingSent(requests: LoggedRequest[], itemIds: string[]): void {
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    expect(r.method).toBe('GET');
    expect(r.bodyBytes).toBe(0);
    expect(r.url).toMatch(/^\/(dist\/(chunks\/)?[\w.-]+\.(js|wasm)|test\/browser\/pages\/shop-[\w/.-]+\.(html|js))$/);
    expect(r.url).not.toMatch(/[?#]/);
    const tokens = r.url.split(/[/.-]/);
    expect(tokens.filter((t) => itemIds.includes(t))).toEqual([]);
  }
}
