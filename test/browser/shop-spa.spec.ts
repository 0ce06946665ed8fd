import { build } from 'vite';
import { resolve } from 'node:path';
import { test, expect, repoRoot } from './fixtures.js';
import { historyUntil } from './shop-support.js';

const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
const isTent = (id: string) => Number(id.slice(1)) % 4 === 2;

// The example app, built with vite as its README says: it imports `hearth-sdk` and `hearth-sdk/react` by name.
test.beforeAll(async () => {
  await build({ configFile: resolve(repoRoot, 'examples/spa/vite.config.ts'), logLevel: 'error' });
});

test('React example (hearth-sdk/react): original order first, then the personalised order once, no flicker', async ({ page, pageErrors, server }) => {
  const from = server.requests.length;
  const app = `${server.origin}/examples/spa/dist/index.html`;
  const renders = () => page.evaluate(() => window.renders ?? []);

  await page.goto(app);
  await page.waitForSelector('#grid li');
  expect((await renders())[0]).toEqual(ids);
  for (const id of ['p2', 'p6', 'p10']) await page.click(`a[href="#${id}"]`);
  await historyUntil(page, (h) => h.filter((e) => e.type === 'click').length >= 3);
  const clicks = (await historyUntil(page, () => true)).filter((e) => e.type === 'click');
  expect(clicks.map((e) => e.listId)).toEqual(['category:outdoor', 'category:outdoor', 'category:outdoor']);

  await page.reload();
  await expect.poll(async () => (await renders()).at(-1)?.slice(0, 3).every(isTent), { timeout: 30_000 }).toBe(true);
  const seen = await renders();
  expect(seen[0]).toEqual(ids); // server order on the first commit
  const distinct = seen.filter((order, i) => i === 0 || order.join() !== seen[i - 1]!.join());
  expect(distinct).toHaveLength(2); // original → personalised, never back
  expect(await page.$$eval('#grid li', (lis) => lis.map((li) => li.getAttribute('data-id')))).toEqual(seen.at(-1));

  // The copied worker files are complete: the worker found its tfjs part beside it (after its first answers).
  await expect.poll(() => server.requests.slice(from).map((r) => r.url), { timeout: 30_000 }).toContain('/examples/spa/dist/hearth/hearth.tf.js');
  expect(pageErrors).toEqual([]);
  const requests = server.requests.slice(from);
  for (const r of requests) {
    expect(r.method).toBe('GET');
    expect(r.bodyBytes).toBe(0);
    expect(r.url).toMatch(/^\/examples\/spa\/dist\/(index\.html|assets\/[\w-]+\.js|hearth\/[\w.-]+\.(js|wasm))$/);
    expect(r.url.split(/[/.-]/).filter((t) => ids.includes(t))).toEqual([]);
  }
});

declare global {
  interface Window {
    renders?: string[][];
  }
}
