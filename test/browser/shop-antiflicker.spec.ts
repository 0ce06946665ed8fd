import { test, expect } from './fixtures.js';

type Seen = { reordered: boolean; fallback: boolean; visibility: string; shown: boolean };
const state = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const grid = document.getElementById('grid')!;
    const w = window as unknown as { atParse: string; seen: Seen[] };
    return {
      atParse: w.atParse,
      seen: w.seen,
      shown: grid.hasAttribute('data-hearth-shown'),
      visibility: getComputedStyle(grid).visibility,
      order: Array.from(grid.children).map((li) => li.getAttribute('data-hearth-id')),
    };
  });
const shopOrder = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];

test.describe('anti-flicker: a marked grid is hidden until Hearth has placed it', () => {
  test('hidden while the page loads, shown once the rerank has answered', async ({ page, open, pageErrors }) => {
    // Both caps far away: what shows the grid is the rerank's answer.
    await open('shop-antiflicker.html#css-cap=60000');
    await expect.poll(async () => (await state(page)).shown, { timeout: 20_000 }).toBe(true);
    const s = await state(page);
    expect(s.atParse).toBe('hidden');
    // At hearth:rerank the grid was still hidden (placed while unseen), and only then shown.
    expect(s.seen).toEqual([{ reordered: false, fallback: false, visibility: 'hidden', shown: false }]);
    expect(s.visibility).toBe('visible');
    expect(pageErrors).toEqual([]);
  });

  test('a worker that never answers: shown at the cap, in the shop order, never reordered later; debug says why', async ({ page, open, pageErrors }) => {
    const lines: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'debug') lines.push(m.text());
    });
    // Hearth's cap 500 ms; the CSS cap far later, so showing the grid is Hearth's doing.
    await open('shop-antiflicker.html#cap=500&css-cap=60000&debug=true&worker-url=/test/browser/pages/silent-worker.js');
    await expect.poll(async () => (await state(page)).shown, { timeout: 20_000 }).toBe(true);
    const s = await state(page);
    expect(s.atParse).toBe('hidden');
    expect(s.visibility).toBe('visible');
    expect(s.seen).toEqual([{ reordered: false, fallback: true, visibility: 'hidden', shown: false }]);
    expect(s.order).toEqual(shopOrder);
    expect(lines).toContainEqual(expect.stringMatching(/^\[hearth\] anti-flicker grid: its cap of 500 ms after page start leaves the rank \d+ ms/));
    expect(lines).toContainEqual(expect.stringMatching(/\[hearth\] rank fell back to the shop's order: no answer within \d+ ms \(timeoutMs\); the worker was started \d+ ms ago and was still starting/));
    expect(pageErrors).toEqual([]);
  });

  test('the Hearth file never loads: the CSS cap shows the grid by itself', async ({ page, open }) => {
    await open('shop-antiflicker.html#css-cap=400&src=/dist/no-such-file.js');
    expect((await state(page)).atParse).toBe('hidden');
    await expect.poll(async () => (await state(page)).visibility, { timeout: 20_000 }).toBe('visible');
    const s = await state(page);
    expect(s.shown).toBe(false);
    expect(s.order).toEqual(shopOrder);
  });

  test('data-debug turns debug mode on in the page and in the worker', async ({ page, open }) => {
    await open('shop-antiflicker.html#debug=true&css-cap=60000');
    await page.waitForFunction(() => (window as unknown as { Hearth?: { loaded?: boolean } }).Hearth?.loaded === true);
    await page.evaluate(() => (window as unknown as { Hearth: { ready(): Promise<unknown> } }).Hearth.ready());
    expect(await page.evaluate(() => (window as unknown as { HEARTH_DEBUG?: boolean }).HEARTH_DEBUG)).toBe(true);
    await expect.poll(() => Promise.all(page.workers().map((w) => w.evaluate(() => (globalThis as { HEARTH_DEBUG?: boolean }).HEARTH_DEBUG))), { timeout: 20_000 }).toContain(true);
  });
});
