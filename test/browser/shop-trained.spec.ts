import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { test, expect, repoRoot } from './fixtures.js';
import { firstRerank, gridOrder, historyUntil } from './shop-support.js';
import { writeGa4Export, writeMerchantFeed } from '../support/shop-fixtures.js';
import { ITEMS, SHOPPERS, shopPage } from './shop-trained-page.js';

// Served by the test server, which serves the repo root.
const dir = resolve(repoRoot, 'test-results/shop-trained');

test.beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const events = await writeGa4Export(dir, SHOPPERS, { format: 'ndjson.gz', items: ITEMS });
  const catalog = writeMerchantFeed(dir, ITEMS);
  const small = ['--epochs', '3', '--dims', '8', '--threads', '1', '--train-backend', 'js', '--report-users', '5'];
  await promisify(execFile)('npm', ['run', 'train', '--', '--events', events, '--catalog', catalog, '--out', resolve(dir, 'model'), ...small], { cwd: repoRoot });
  writeFileSync(resolve(dir, 'trained.html'), shopPage('trained', '/test-results/shop-trained/model/model.json'));
  writeFileSync(resolve(dir, 'zero.html'), shopPage('zero'));
});

test('a model trained on the shop GA4 export lifts what its shoppers went on to, on a page whose dataLayer carries the same SKUs', async ({ page, server, pageErrors }) => {
  test.setTimeout(120_000);
  /** The grid after the shopper has clicked TENT-2 and come back. */
  const orderAfterTent = async (name: string, dbName: string) => {
    await page.goto(`${server.origin}/test-results/shop-trained/${name}.html`);
    await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
    await historyUntil(page, (h) => h.filter((e) => e.type === 'impression').length >= ITEMS.length, dbName);
    await page.click('[data-hearth-id="TENT-2"] .select');
    await historyUntil(page, (h) => h.some((e) => e.type === 'click' && e.id === 'TENT-2'), dbName);
    await page.reload();
    expect(await firstRerank(page)).toMatchObject({ fallback: false });
    return gridOrder(page);
  };
  const zero = await orderAfterTent('zero', 'zero');
  const trained = await orderAfterTent('trained', 'trained');
  // Zero-training knows only that tents look like tents; the shop's shoppers went from TENT-2 to BIKE-2.
  expect(trained.indexOf('BIKE-2')).toBeLessThan(zero.indexOf('BIKE-2'));
  expect(trained.filter((id) => id.startsWith('BIKE-'))[0]).toBe('BIKE-2');
  expect(server.requests.some((r) => r.url === '/test-results/shop-trained/model/model.json')).toBe(true);
  expect(pageErrors).toEqual([]);
});
