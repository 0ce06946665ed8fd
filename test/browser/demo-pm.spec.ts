import { test, expect } from './fixtures.js';
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemo, startDemoServer, type DemoRequest } from '../../scripts/demo-serve.mjs';

/**
 * The demo site as a product manager uses it: browse a department, open products, watch the
 * personalised column change, move the knobs, read the interest panel, run the simulator and check the
 * privacy panel. The built demo (vite build → demo/dist) is served by the demo's own server, whose
 * request log the privacy panel shows and this test checks too. Screenshots go to test-results/.
 */
test.describe.configure({ mode: 'serial' });

let server: Awaited<ReturnType<typeof startDemoServer>>;
let outDir = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // A build folder of this run's own: parallel runs (other workers, other people) never share one.
  outDir = mkdtempSync(join(tmpdir(), 'hearth-demo-'));
  // dist/ is rebuilt by other suites now and then: one retry covers a build caught half-way.
  await buildDemo({ quiet: true, outDir }).catch(() => buildDemo({ quiet: true, outDir }));
  server = await startDemoServer({ port: 0, dir: outDir });
});
test.afterAll(async () => {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const ids = (page: Page, grid: 'default' | 'personal') => page.locator(`#${grid}-grid a.card`).evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));

async function openDemo(page: Page, hash: string): Promise<void> {
  await page.goto(`${server.origin}/${hash}`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
}

async function setKnob(page: Page, id: string, value: number): Promise<void> {
  await page.locator(`#${id}`).evaluate((el, v) => {
    (el as HTMLInputElement).value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Every request the page and its worker made: plain GETs of the demo's files, nothing sent. */
function expectNoBehaviourSent(log: DemoRequest[]): void {
  expect(log.length).toBeGreaterThan(0);
  for (const r of log) {
    expect(r, `${r.method} ${r.path}${r.query}`).toMatchObject({ method: 'GET', query: '', bodyBytes: 0, cookie: false });
    expect(r.path).toMatch(/^\/($|index\.html$|favicon\.svg$|assets\/[\w.-]+$|hearth\/[\w.-]+$|data\/beauty-slice\.json$)/);
  }
}

test('a PM browses, shows interest, and the personalised order changes; nothing leaves', async ({ page, pageErrors }, info) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openDemo(page, '#/c/Running');
  const shopOrder = await ids(page, 'default');
  expect(shopOrder).toHaveLength(12);
  // A new shopper: no history, so Hearth keeps the shop's order.
  expect(await ids(page, 'personal')).toEqual(shopOrder);
  await page.screenshot({ path: info.outputPath('01-fresh-shopper.png') });

  // Interest: open three products from the lower half of the list, as a shopper would.
  const chosen: string[] = [];
  for (const n of [7, 9, 11]) {
    const card = page.locator('#default-grid a.card').nth(n);
    chosen.push((await card.getAttribute('data-id'))!);
    await card.click();
    await expect(page.locator('.product h2')).toBeVisible();
    if (n === 7) {
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await expect(page.getByText('Added — a strong signal')).toBeVisible();
      await page.screenshot({ path: info.outputPath('02-product-page.png') });
    }
    await page.goBack();
    await expect(page.locator('#personal-grid')).toBeVisible();
  }

  // The personalised order now differs, the chosen products rose, and each says why.
  await expect.poll(async () => (await ids(page, 'personal')).join(), { timeout: 20_000 }).not.toBe(shopOrder.join());
  const personal = await ids(page, 'personal');
  const rose = chosen.filter((id) => personal.includes(id) && personal.indexOf(id) < shopOrder.indexOf(id));
  expect(rose.length, `opened ${chosen.join(', ')}; Hearth's top 12: ${personal.join(', ')}`).toBeGreaterThanOrEqual(2);
  await expect(page.locator('#personal-grid .move.up').first()).toBeVisible();
  await expect(page.locator('#personal-grid .reason').first()).not.toHaveText('');
  await expect(page.locator('#rank-status')).toHaveText(/(WEBGPU|WEBGL|WASM|CPU) · [\d.]+ ms/);
  await page.screenshot({ path: info.outputPath('03-personalised.png') });

  // Knobs: privacy noise reports ε; diversity and exploration re-rank live.
  await setKnob(page, 'knob-privacyNoise', 0.5);
  await expect(page.locator('#rank-status')).toContainText('ε');
  await setKnob(page, 'knob-diversity', 0.8);
  await expect(page.locator('label[for="knob-diversity"] output')).toHaveText('0.80');
  await page.screenshot({ path: info.outputPath('04-knobs.png') });
  await setKnob(page, 'knob-privacyNoise', 0);
  await setKnob(page, 'knob-diversity', 0);
  await expect(page.locator('#rank-status')).not.toContainText('ε');

  // Interest panel: the history lists what was opened; forgetting one removes it.
  const history = page.locator('#history-list');
  await expect(history.locator('li')).not.toHaveCount(1);
  const forgetBtn = history.locator('li button').first();
  const forgetName = (await forgetBtn.getAttribute('aria-label'))!;
  await forgetBtn.click();
  await expect(history.getByRole('button', { name: forgetName, exact: true })).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('05-interests.png') });

  // Simulator: a runner on a budget, 20 clicks; the numbers are measured and Hearth beats the shop's order.
  await page.getByRole('tab', { name: 'Simulator' }).click();
  await setKnob(page, 'sim-steps', 20);
  await page.locator('#sim-run').click();
  await expect(page.locator('#panel-simulator')).toHaveAttribute('data-sim-done', '20', { timeout: 90_000 });
  await expect(page.locator('#sim-feed li')).toHaveCount(20);
  const hearthPos = Number(await page.locator('[data-metric="hearth-pos"]').textContent());
  const shopPos = Number(await page.locator('[data-metric="shop-pos"]').textContent());
  expect(hearthPos).toBeGreaterThanOrEqual(1);
  expect(hearthPos).toBeLessThan(shopPos);
  await page.screenshot({ path: info.outputPath('06-simulator.png') });

  // Real shoppers: replay of Amazon Beauty when the slice is there, or an honest message.
  await page.locator('#sim-mode').selectOption('amazon');
  // The message for missing data also says "real shoppers" ("…the replay of real shoppers is
  // off"): only a count of them means the slice is there.
  const available = /\d+ real shoppers from/;
  await expect(page.locator('#sim-blurb')).toContainText(new RegExp(`${available.source}|not found|not built|Could not`));
  if (available.test((await page.locator('#sim-blurb').textContent()) ?? '')) {
    await setKnob(page, 'sim-steps', 10);
    await page.locator('#sim-run').click();
    await expect(page.locator('#panel-simulator')).toHaveAttribute('data-sim-done', '10', { timeout: 90_000 });
    await page.screenshot({ path: info.outputPath('07-replay.png') });
  } else {
    await expect(page.locator('#sim-run')).toBeEnabled();
  }

  // Privacy: the panel lists the worker's own requests and finds no behaviour in any request.
  await page.getByRole('tab', { name: 'Privacy' }).click();
  await expect(page.locator('#privacy-summary')).toContainText('No request carried behaviour');
  await expect(page.locator('#request-log')).toContainText('/hearth/hearth.worker.js');
  await expect(page.locator('#idb-contents')).toContainText('hearth-demo');
  await page.screenshot({ path: info.outputPath('08-privacy.png') });
  expect(server.log.some((r) => r.path === '/hearth/hearth.worker.js' && r.dest === 'worker')).toBe(true);
  expectNoBehaviourSent(server.log);
  expect(pageErrors).toEqual([]);
});

test('on a phone-sized screen the shop and panels fit without sideways scrolling', async ({ page, pageErrors }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDemo(page, '#/');
  await expect(page.locator('#personal-grid a.card')).toHaveCount(12);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.screenshot({ path: info.outputPath('09-phone-home.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Privacy' }).click();
  await expect(page.locator('#privacy-summary')).toContainText('No request carried behaviour');
  await page.locator('#panel-privacy').screenshot({ path: info.outputPath('10-phone-privacy.png') });
  expectNoBehaviourSent(server.log);
  expect(pageErrors).toEqual([]);
});
