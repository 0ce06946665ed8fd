import { test as base, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Fixtures {
  /** Page errors and console errors seen during the test; most tests expect none. */
  pageErrors: string[];
  /** Opens a test page (relative to test/browser/pages) from the server. */
  open: (page: string) => Promise<void>;
}

interface WorkerFixtures {
  server: StaticServer;
}

/** One real server per Playwright worker, serving the repo root (dist/ and the test pages). */
export const test = base.extend<Fixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await startStaticServer(repoRoot);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await use(errors);
  },
  open: async ({ page, server }, use) => {
    await use(async (path: string) => {
      await page.goto(`${server.origin}/test/browser/pages/${path}`);
      await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
    });
  },
});

export { expect };

/** Products across four categories and five brands; ids p0…p(n-1). */
export function catalogue(n = 40) {
  const cats = ['Shoes', 'Jackets', 'Tents', 'Bikes'];
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    title: `${cats[i % 4]} model ${i}`,
    brand: `Brand${i % 5}`,
    categories: ['Outdoor', cats[i % 4]!],
    price: 20 + i * 3,
  }));
}

export type Catalogue = ReturnType<typeof catalogue>;
