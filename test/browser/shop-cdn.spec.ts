import type { Page } from '@playwright/test';
import { test, expect, repoRoot } from './fixtures.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expectNothingSent, firstRerank, gridOrder, historyUntil } from './shop-support.js';

const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
const isTent = (id: string) => Number(id.slice(1)) % 4 === 2;

/** A second origin (another port) standing in for the CDN the shop loads Hearth from. */
let cdn: StaticServer;
let shopPage: string;
test.beforeAll(async () => {
  cdn = await startStaticServer(repoRoot);
  // The page as the README has the shop paste it, with the CDN address pointed at the second
  // server. Written to a file (test-results/ is git-ignored) and served by a real server: a page
  // fulfilled through page.route would lose its loopback address space, and Chrome would then
  // refuse the CDN's loopback script.
  const template = await readFile(resolve(repoRoot, 'test/browser/pages/shop-cdn.html'), 'utf8');
  const dir = resolve(repoRoot, 'test-results/shop-cdn');
  await mkdir(dir, { recursive: true });
  shopPage = `shop-cdn-${cdn.port}.html`;
  await writeFile(resolve(dir, shopPage), template.replaceAll('https://cdn.example.com/hearth', `${cdn.origin}/dist`));
});
test.afterAll(async () => {
  await cdn.close();
});

/** Opens the shop page from its own origin, served with `headers` (e.g. a Content-Security-Policy). */
async function openShop(page: Page, headers: Record<string, string> = {}): Promise<StaticServer> {
  const shop = await startStaticServer(repoRoot, { headers });
  await page.goto(`${shop.origin}/test-results/shop-cdn/${shopPage}`);
  await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
  return shop;
}

const loaded = (page: Page) => page.waitForFunction(() => (window as unknown as { Hearth?: { loaded?: boolean } }).Hearth?.loaded === true);
const readyInfo = (page: Page) => page.evaluate(() => (window as unknown as { Hearth: { ready(): Promise<{ backend: string } | null> } }).Hearth.ready());

test.describe('Hearth served from another origin (a CDN)', () => {
  test('the worker starts through a same-origin blob; tracking and reranking work; only the CDN serves Hearth', async ({ page, pageErrors }) => {
    const fromCdn = cdn.requests.length;
    const shop = await openShop(page);
    await loaded(page);
    expect(await readyInfo(page)).toMatchObject({ backend: expect.stringMatching(/^(webgpu|webgl|wasm|cpu)$/) });
    expect(await firstRerank(page)).toEqual({ reordered: false, fallback: false });

    for (const id of ['p2', 'p6', 'p10']) await page.click(`a[href="#${id}"]`);
    await historyUntil(page, (h) => h.filter((e) => e.type === 'click').length >= 3);

    await page.reload();
    await loaded(page);
    expect(await firstRerank(page)).toEqual({ reordered: true, fallback: false });
    expect((await gridOrder(page)).slice(0, 3).every(isTent)).toBe(true);

    expect(pageErrors).toEqual([]);
    // The script's own URL (captured at load) located the worker: both came from the CDN.
    const cdnFiles = cdn.requests.slice(fromCdn).map((r) => r.url);
    expect(cdnFiles).toContain('/dist/hearth.iife.js');
    expect(cdnFiles).toContain('/dist/hearth.worker.js');
    // The worker, started from a blob:, imported its tfjs part from the CDN too (classic importScripts, cross-origin).
    expect(cdnFiles).toContain('/dist/hearth.tf.js');
    const url = `/test-results/shop-cdn/${shopPage}`;
    expect(shop.requests.map((r) => [r.method, r.url, r.bodyBytes])).toEqual([['GET', url, 0], ['GET', url, 0]]);
    expectNothingSent(cdn.requests.slice(fromCdn), ids);
    await shop.close();
  });

  test('the CSP documented in the README lets it run', async ({ page, pageErrors }) => {
    const c = cdn.origin;
    const shop = await openShop(page, {
      'content-security-policy': `default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' ${c}; worker-src blob: ${c}; connect-src 'self' ${c}; img-src 'self' data:`,
    });
    await loaded(page);
    expect(await readyInfo(page)).toMatchObject({ backend: expect.stringMatching(/^(webgpu|webgl|wasm|cpu)$/) });
    expect(await firstRerank(page)).toEqual({ reordered: false, fallback: false });
    expect(pageErrors).toEqual([]);
    await shop.close();
  });

  test('a CSP that forbids workers: original order, no page error, the shop’s scripts still run', async ({ page, pageErrors }) => {
    const shop = await openShop(page, { 'content-security-policy': `default-src 'self'; script-src 'self' 'unsafe-inline' ${cdn.origin}; worker-src 'none'; img-src 'self' data:` });
    await loaded(page);
    expect(await page.evaluate(() => (window as unknown as { shopScriptRan?: boolean }).shopScriptRan)).toBe(true);
    expect(await firstRerank(page)).toEqual({ reordered: false, fallback: true });
    expect(await gridOrder(page)).toEqual(ids);
    expect(await readyInfo(page)).toBeNull();
    await page.click('a[href="#p2"]'); // tracking has nowhere to go: dropped quietly
    // The browser itself reports the CSP violation on the console; nothing else may appear.
    expect(pageErrors.filter((e) => !/Content Security Policy/i.test(e))).toEqual([]);
    await shop.close();
  });
});
