/** The headless Chromium the measurements drive, and what the bench pages put on `window`. */
import type { Browser, Page } from '@playwright/test';
import type { Item } from '../../../src/core/types.js';
import type * as HearthModule from '../../../src/index.js';
import type * as EngineModule from '../../../src/engine.js';
import type * as ComlinkModule from 'comlink';
import { CHROMIUM_ARGS as TEST_CHROMIUM_ARGS } from '../../../test/support/chromium.js';

export const CHROMIUM_ARGS = [
  ...TEST_CHROMIUM_ARGS,
  // Unrounded performance.memory figures (page and worker heaps).
  '--enable-precise-memory-info',
];

/** What tools/bench/pages/*.html expose (H, E, Comlink) and what the measurements leave there. */
export interface BenchWindow {
  H: typeof HearthModule;
  E: typeof EngineModule;
  Comlink: typeof ComlinkModule;
  hearth?: HearthModule.Hearth;
  jsEngine?: EngineModule.Engine;
  longTasks?: Array<{ start: number; duration: number; name: string; attribution: string[] }>;
  products?: Item[];
  coldResult?: Record<string, unknown>;
}

/** tsx keeps function names with an `__name` helper that does not exist in the page. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    (globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f;
  });
  page.on('pageerror', (e) => console.error(`  pageerror: ${e.message}`));
  return page;
}

export async function open(page: Page, origin: string, path: string): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
}

/** A new page on perf.html with the catalogue on `window.products`. */
export async function openPerfPage(browser: Browser, origin: string, products: Item[]): Promise<Page> {
  const page = await newPage(browser);
  await open(page, origin, '/tools/bench/pages/perf.html');
  await page.evaluate((products) => ((window as unknown as BenchWindow).products = products), products);
  return page;
}
