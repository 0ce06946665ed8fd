import { test, expect } from './fixtures.js';
import { historyUntil } from './shop-support.js';
import type { Page } from '@playwright/test';

type Rerank = { list: string; reordered: boolean; fallback: boolean };
const visible = (page: Page, list: string) => page.$$eval(`#${list} > li:not([hidden])`, (lis) => lis.map((li) => li.getAttribute('data-hearth-id')));
const reranksDone = async (page: Page, n: number): Promise<Rerank[]> => {
  await page.waitForFunction((k) => (window as unknown as { reranks: unknown[] }).reranks.length >= k, n, { timeout: 30_000 });
  return page.evaluate(() => (window as unknown as { reranks: Rerank[] }).reranks);
};

test.describe('merchandising rules from the script tag', () => {
  test('data-hearth-exclude hides matching cards, data-hearth-pin puts a card in its slot (no history yet)', async ({ page, open, pageErrors }) => {
    await open('shop-rules.html');
    const done = await reranksDone(page, 2);
    expect(done).toContainEqual({ list: 'grid', reordered: true, fallback: false });
    // The shop's order, less Ember and p3, with p6 first and p5 third.
    expect(await visible(page, 'grid')).toEqual(['p6', 'p0', 'p5', 'p2', 'p4']);
    expect(await page.$$eval('#grid > li[hidden]', (lis) => lis.map((li) => li.getAttribute('data-hearth-id')).sort())).toEqual(['p1', 'p3', 'p7']);
    expect(await visible(page, 'recs')).toEqual(['q0', 'q1', 'q2']);
    expect(pageErrors).toEqual([]);
  });

  test('the rules hold after personalisation, and "purchased" reads the on-device history', async ({ page, open, pageErrors }) => {
    await open('shop-rules.html');
    await reranksDone(page, 2);
    await page.evaluate(async () => {
      const H = (window as unknown as { Hearth: { track(e: unknown): Promise<void> } }).Hearth;
      for (const id of ['p2', 'p4', 'p7']) await H.track({ type: 'click', item: { id, brand: 'x', categories: ['Shoes'] } });
      await H.track({ type: 'purchase', item: { id: 'q1' }, orderId: 'o1' });
    });
    await historyUntil(page, (h) => h.length >= 4);
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
    await reranksDone(page, 2);
    const grid = await visible(page, 'grid');
    expect(grid[0]).toBe('p6');
    expect(grid[2]).toBe('p5');
    expect(grid.sort()).toEqual(['p0', 'p2', 'p4', 'p5', 'p6']);
    expect(await visible(page, 'recs')).toEqual(['q0', 'q2']);
    expect(pageErrors).toEqual([]);
  });

  test('with a worker that never answers, the shop\'s exclude and pins still hold (fallback)', async ({ page, server, pageErrors }) => {
    await page.goto(`${server.origin}/test/browser/pages/shop-rules.html#worker-url=/test/browser/pages/silent-worker.js&rerank-timeout-ms=300`);
    const done = await reranksDone(page, 2);
    expect(done).toContainEqual({ list: 'grid', reordered: true, fallback: true });
    expect(await visible(page, 'grid')).toEqual(['p6', 'p0', 'p5', 'p2', 'p4']);
    expect(pageErrors).toEqual([]);
  });

  test('an invalid rule leaves the list exactly as it was', async ({ page, open }) => {
    await open('shop-rules.html');
    await page.evaluate(async () => {
      const grid = document.getElementById('recs')!;
      grid.setAttribute('data-hearth-exclude', '[{"colour": "red"}]');
      const H = (window as unknown as { Hearth: { rerankElement(el: Element): Promise<unknown> } }).Hearth;
      (window as unknown as { again: unknown }).again = await H.rerankElement(grid);
    });
    expect(await page.evaluate(() => (window as unknown as { again: unknown }).again)).toEqual({ reordered: false, fallback: true });
  });
});
