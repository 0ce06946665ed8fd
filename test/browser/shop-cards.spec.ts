import { test, expect } from './fixtures.js';
import { expectNothingSent, firstRerank, history, historyUntil } from './shop-support.js';

type Rerank = { list: string; reordered: boolean; fallback: boolean };
const reranks = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { reranks: Rerank[] }).reranks);
const order = (page: import('@playwright/test').Page, list: string) =>
  page.$$eval(`#${list} > li`, (lis) => lis.map((li) => li.getAttribute('data-hearth-id') ?? JSON.parse(li.getAttribute('data-hearth-item') || '{}').id));

test.describe('shop with data attributes only', () => {
  test('cards: impressions when half visible for a second, clicks with list and position, lazy lists on scroll', async ({ page, open, pageErrors, server }) => {
    const from = server.requests.length;
    await open('shop-cards.html');
    const grid = Array.from({ length: 12 }, (_, i) => `p${i}`);
    const seen = await historyUntil(page, (h) => h.filter((e) => e.type === 'impression').length >= 14);
    expect(seen.map((e) => e.id).sort()).toEqual([...grid, 'b0', 'b2'].sort());
    expect(seen.find((e) => e.id === 'p5')).toMatchObject({ listId: 'search:tent', position: 5, item: { title: 'Jackets model 5', brand: 'Alpina', categories: ['Outdoor', 'Jackets'], price: 35 } });

    await page.click('#grid a[href="#p6"]');
    await historyUntil(page, (h) => h.some((e) => e.type === 'click'));
    expect((await history(page)).filter((e) => e.type === 'click')).toEqual([expect.objectContaining({ id: 'p6', listId: 'search:tent', position: 6 })]);

    // The list below the fold: no impression until it is scrolled into view.
    expect((await history(page)).filter((e) => e.id.startsWith('r'))).toEqual([]);
    await page.locator('#recs').scrollIntoViewIfNeeded();
    const all = await historyUntil(page, (h) => h.filter((e) => e.id.startsWith('r')).length >= 4);
    expect(all.filter((e) => e.id.startsWith('r')).map((e) => [e.id, e.listId, e.position, e.item.price])).toEqual([
      ['r0', 'recommended', 0, 30],
      ['r1', 'recommended', 1, 31],
      ['r2', 'recommended', 2, 32],
      ['r3', 'recommended', 3, 33],
    ]);
    expect(pageErrors).toEqual([]);
    expectNothingSent(server.requests.slice(from), [...grid, 'r0', 'r1', 'r2', 'r3']);
  });

  test('a click on a card link that leaves the page is still recorded', async ({ page, open, pageErrors }) => {
    await open('shop-cards.html');
    await page.evaluate(() => (window as unknown as { Hearth: { ready(): Promise<unknown> } }).Hearth.ready());
    // The shop's product link goes to another page (a real navigation, not a hash).
    await page.evaluate(() => document.querySelector('#grid a[href="#p3"]')!.setAttribute('href', 'shop-product-attrs.html'));
    await page.click('#grid a[href="shop-product-attrs.html"]');
    await page.waitForURL(/shop-product-attrs\.html$/);
    const events = await historyUntil(page, (h) => h.some((e) => e.type === 'view'));
    expect(events.filter((e) => e.type === 'click')).toEqual([expect.objectContaining({ id: 'p3', listId: 'search:tent', position: 3 })]);
    expect(pageErrors).toEqual([]);
  });

  test('rerank: a list with an unreadable card is left untouched; rerankElement ranks only new cards', async ({ page, open, pageErrors }) => {
    await open('shop-cards.html');
    await page.waitForFunction(() => (window as unknown as { reranks: unknown[] }).reranks.length >= 2);
    const first = await reranks(page);
    expect(first).toContainEqual({ list: 'bad', reordered: false, fallback: true });
    expect(first).toContainEqual({ list: 'grid', reordered: false, fallback: false }); // no history yet
    expect(await page.$$eval('#bad > li', (lis) => lis.map((li) => li.textContent))).toEqual(['b0', 'b1', 'b2']);

    // Some history, then the shop appends a page of results (infinite scroll).
    await page.evaluate(async () => {
      for (const id of ['p2', 'p10']) await Hearth.track({ type: 'add_to_cart', item: { id, title: `Tents model ${id.slice(1)}`, categories: ['Outdoor', 'Tents'] } });
    });
    const before = await order(page, 'grid');
    const result = await page.evaluate(() => (window as unknown as { loadMore: () => Promise<{ reordered: boolean; fallback: boolean }> }).loadMore());
    expect(result.fallback).toBe(false);
    const after = await order(page, 'grid');
    expect(after.slice(0, 12)).toEqual(before); // cards already shown keep their place
    expect([...after.slice(12)].sort()).toEqual(['p12', 'p13', 'p14', 'p15']);
    expect(after[12]).toBe('p14'); // the tent of the new page comes first among the new cards

    // A grid whose cards sit in layout wrappers: the wrappers move with their cards.
    const wrapped = await page.evaluate(async () => {
      const grid = document.createElement('div');
      grid.setAttribute('data-hearth-rerank', 'wrapped');
      for (const [id, cat] of [['w0', 'Shoes'], ['w1', 'Bikes'], ['w2', 'Tents'], ['w3', 'Jackets']]) {
        const col = document.createElement('div');
        col.className = 'col';
        const card = document.createElement('article');
        card.setAttribute('data-hearth-item', '');
        card.setAttribute('data-hearth-id', id!);
        card.setAttribute('data-hearth-category', `Outdoor > ${cat}`);
        const button = document.createElement('button');
        button.id = `buy-${id}`;
        card.appendChild(button);
        col.appendChild(card);
        grid.appendChild(col);
      }
      document.body.appendChild(grid);
      document.getElementById('buy-w2')!.focus(); // a keyboard shopper is on the card that will move
      const result = await Hearth.rerankElement(grid);
      return { result, focus: document.activeElement?.id, order: Array.from(grid.children).map((c) => `${c.className}:${c.firstElementChild!.getAttribute('data-hearth-id')}`) };
    });
    expect(wrapped.result).toEqual({ reordered: true, fallback: false });
    expect(wrapped.focus).toBe('buy-w2');

    // Container options reach rerank; an invalid one leaves the list as it is.
    const invalid = await page.evaluate(async () => {
      const grid = document.createElement('ul');
      grid.setAttribute('data-hearth-diversity', '7');
      for (const id of ['p98', 'p99']) {
        const li = document.createElement('li');
        li.setAttribute('data-hearth-item', JSON.stringify({ id }));
        grid.appendChild(li);
      }
      document.body.appendChild(grid);
      const before = Array.from(grid.children);
      const result = await Hearth.rerankElement(grid);
      return { result, same: Array.from(grid.children).every((c, i) => c === before[i]) };
    });
    expect(invalid).toEqual({ result: { reordered: false, fallback: true }, same: true });
    // The shopper's profile, for a "why am I seeing this" page.
    expect(await page.evaluate(() => Hearth.profile().then((p) => p !== null && typeof p === 'object'))).toBe(true);
    expect(wrapped.order[0]).toBe('col:w2');
    expect([...wrapped.order].sort()).toEqual(['col:w0', 'col:w1', 'col:w2', 'col:w3']);
    expect(pageErrors).toEqual([]);
  });

  test('a hostile page (frozen dataLayer, broken analytics, odd JSON-LD, bad options) keeps working', async ({ page, open, pageErrors }) => {
    await open('shop-hostile.html');
    const state = await page.evaluate(async () => {
      const H = (window as unknown as { Hearth: HearthGlobalLike }).Hearth;
      return {
        shopScriptRan: (window as unknown as { shopScriptRan?: boolean }).shopScriptRan,
        loaded: H.loaded,
        ready: await H.ready(),
        rerank: (await H.rerank([{ id: 'a' }, { id: 'b' }])).map((i) => i.id),
        track: await H.track('garbage'),
        element: await H.rerankElement(null),
        profile: await H.profile(),
        grid: Array.from(document.querySelectorAll('#grid > li')).map((li) => li.textContent),
      };
    });
    expect(state).toEqual({ shopScriptRan: true, loaded: true, ready: null, rerank: ['a', 'b'], track: undefined, element: { reordered: false, fallback: true }, profile: expect.objectContaining({ events: 0 }), grid: ['bad id', 'ok'] });
    expect(pageErrors).toEqual([]);
  });

  test('a page with a window.Hearth of its own keeps it; grids still work', async ({ page, open, pageErrors }) => {
    await open('shop-foreign-global.html');
    expect(await firstRerank(page)).toEqual({ reordered: false, fallback: false });
    expect(await page.evaluate(() => (window as unknown as { Hearth: unknown }).Hearth)).toEqual({ theme: 'hearth-and-home', version: 3 });
    // The tag is on this page twice: still one rerank of the grid.
    expect(await page.evaluate(() => (window as unknown as { reranks: unknown[] }).reranks.length)).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});

interface HearthGlobalLike {
  loaded: boolean;
  ready(): Promise<unknown>;
  rerank(items: Array<{ id: string }>): Promise<Array<{ id: string }>>;
  track(event: unknown): Promise<unknown>;
  rerankElement(el: unknown): Promise<unknown>;
  profile(): Promise<unknown>;
}
declare const Hearth: { track(e: unknown): Promise<void>; rerankElement(el: Element): Promise<{ reordered: boolean; fallback: boolean }>; profile(): Promise<unknown> };
