import { test, expect } from './fixtures.js';
import { gridOrder, historyUntil } from './shop-support.js';
import type { Page } from '@playwright/test';

type Win = { Hearth: { experiment(): Promise<{ id: string; arm: string } | null>; track(e: unknown): Promise<void>; rank(items: Array<{ id: string; categories?: string[] }>): Promise<{ arm?: string; items: Array<{ id: string }> }> }; dataLayer: unknown[]; exposures: unknown[]; reranks: unknown[] };
const shop = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];

async function load(page: Page, origin: string, hash: string): Promise<void> {
  await page.goto(`${origin}/test/browser/pages/shop-experiment.html#${hash}`);
  await page.waitForFunction(() => (window as unknown as Win).reranks?.length >= 2, undefined, { timeout: 30_000 });
}
const arm = (page: Page) => page.evaluate(() => (window as unknown as Win).Hearth.experiment());
const exposurePushes = (page: Page) => page.evaluate(() => (window as unknown as Win).dataLayer.filter((e) => (e as { event?: string }).event === 'hearth_exposure'));

test.describe('experiments from the script tag', () => {
  test('the arm is drawn once and kept across reloads and tabs; one exposure per page view, with only the id and arm', async ({ page, context, server, pageErrors }) => {
    await load(page, server.origin, 'experiment=hearth-ab-1&holdout=0.5');
    const first = await arm(page);
    expect(first).toEqual({ id: 'hearth-ab-1', arm: expect.stringMatching(/^(personalised|holdout)$/) });
    // Two lists ranked on this page view: exactly one push, with exactly these keys.
    expect(await exposurePushes(page)).toEqual([{ event: 'hearth_exposure', hearth_experiment: 'hearth-ab-1', hearth_arm: first!.arm }]);
    expect(await page.evaluate(() => (window as unknown as Win).exposures)).toEqual([{ experiment: 'hearth-ab-1', arm: first!.arm }]);
    // A later rank on the same page view reports the arm on the result but announces nothing.
    const r = await page.evaluate(() => (window as unknown as Win).Hearth.rank([{ id: 'a' }, { id: 'b' }]));
    expect(r.arm).toBe(first!.arm);
    expect(await exposurePushes(page)).toHaveLength(1);

    for (let i = 0; i < 3; i++) {
      await page.reload();
      await page.waitForFunction(() => (window as unknown as Win).reranks?.length >= 2);
      expect(await arm(page)).toEqual(first);
      expect(await exposurePushes(page)).toHaveLength(1);
    }
    const tab = await context.newPage();
    await load(tab, server.origin, 'experiment=hearth-ab-1&holdout=0.5');
    expect(await arm(tab)).toEqual(first);
    expect(pageErrors).toEqual([]);
  });

  test('both arms occur across browsers (each draws its own)', async ({ browser, server }) => {
    const arms = new Set<string>();
    for (let b = 0; b < 8 && arms.size < 2; b++) {
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      await load(p, server.origin, `experiment=split-${b}&holdout=0.5`);
      arms.add((await arm(p))!.arm);
      await ctx.close();
    }
    expect([...arms].sort()).toEqual(['holdout', 'personalised']);
  });

  test('holdout keeps the shop\'s order though the history would reorder it; its events are still recorded', async ({ page, server, pageErrors }) => {
    await load(page, server.origin, 'experiment=hold-all&holdout=1');
    await page.evaluate(async () => {
      for (const id of ['p6', 'p2', 'q1']) await (window as unknown as Win).Hearth.track({ type: 'add_to_cart', item: { id, categories: ['Tents'] } });
    });
    await historyUntil(page, (h) => h.length >= 3);
    await page.reload();
    await page.waitForFunction(() => (window as unknown as Win).reranks?.length >= 2);
    expect(await arm(page)).toEqual({ id: 'hold-all', arm: 'holdout' });
    expect(await gridOrder(page, '#grid')).toEqual(shop);
    const r = await page.evaluate(() => (window as unknown as Win).Hearth.rank([{ id: 'p0' }, { id: 'p2' }, { id: 'p6' }]));
    expect(r.items.map((x) => x.id)).toEqual(['p0', 'p2', 'p6']);
    expect(r.arm).toBe('holdout');
    expect(pageErrors).toEqual([]);
  });

  test('the personalised arm does reorder with the same history', async ({ page, server }) => {
    await load(page, server.origin, 'experiment=treat-all&holdout=0');
    await page.evaluate(async () => {
      for (const id of ['p6', 'p2']) await (window as unknown as Win).Hearth.track({ type: 'add_to_cart', item: { id, categories: ['Tents'] } });
    });
    await historyUntil(page, (h) => h.length >= 2);
    const r = await page.evaluate(() => (window as unknown as Win).Hearth.rank([{ id: 'p0', categories: ['Shoes'] }, { id: 'p1', categories: ['Jackets'] }, { id: 'p9', categories: ['Tents'] }]));
    expect(r.arm).toBe('personalised');
    expect(r.items[0]!.id).toBe('p9');
  });
});
