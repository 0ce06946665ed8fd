import { test, expect, repoRoot } from './fixtures.js';
import type { Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDemoData } from '../../scripts/demo-data.mjs';
import { buildDemo, startDemoServer, type DemoRequest } from '../../scripts/demo-serve.mjs';

/**
 * The demo site as a product manager uses it: browse a department, open products, watch the
 * personalised column change, move the knobs, read the interest panel, run the simulator and check the
 * privacy panel, and replay real shoppers. The built demo (vite build → demo/dist) is served by the
 * demo's own server, whose request log the privacy panel shows and this test checks too. The replay
 * runs on a tiny research folder made here (12 shoppers), then on a second one with other figures.
 * Screenshots go to test-results/.
 */
test.describe.configure({ mode: 'serial' });

let server: Awaited<ReturnType<typeof startDemoServer>>;
let outDir = '';
let dataDir = '';

const SHOPPERS = 12;
/** Tiny research folders: in 'rare' each shopper's last item is one nobody bought before, in 'popular' a bestseller. */
type Flavour = 'rare' | 'popular';
const histories = (u: number) => [1, 2, 3, 4].map((k) => 1 + ((u * 7 + k * 11) % 40));
const lastItem = (flavour: Flavour, u: number) => (flavour === 'rare' ? 100 + u : 1 + (u % 10));

function writeFolder(dir: string, flavour: Flavour): void {
  mkdirSync(dir, { recursive: true });
  const seqs = Array.from({ length: SHOPPERS }, (_, u) => [...new Set(histories(u))].filter((i) => i !== lastItem(flavour, u)).concat(lastItem(flavour, u)));
  const negatives = seqs.map((s) => Array.from({ length: 120 }, (_, k) => 41 + k).filter((i) => !s.includes(i)).slice(0, 99));
  const attrs: Record<string, number[]> = {};
  for (let i = 1; i <= 160; i++) attrs[String(i)] = [1 + (i % 7), 10 + (i % 3)];
  writeFileSync(join(dir, 'sequences.txt'), seqs.map((s, u) => `${u + 1} ${s.join(' ')}`).join('\n'));
  writeFileSync(join(dir, 'negatives_99.txt'), negatives.map((n, u) => `${u + 1} ${n.join(' ')}`).join('\n'));
  writeFileSync(join(dir, 'item_attributes.json'), JSON.stringify(attrs));
}

/** The bestseller figure computed here from the folder's own rule, independently of the demo: shoppers whose last item is in the top 10. */
function expectedBestsellerTop10(flavour: Flavour): number {
  const seqs = Array.from({ length: SHOPPERS }, (_, u) => [...new Set(histories(u))].filter((i) => i !== lastItem(flavour, u)).concat(lastItem(flavour, u)));
  const bought = new Map<number, number>();
  for (const s of seqs) for (const i of s.slice(0, -1)) bought.set(i, (bought.get(i) ?? 0) + 1);
  return seqs.filter((s) => {
    const target = s.at(-1)!;
    const list = [target, ...Array.from({ length: 120 }, (_, k) => 41 + k).filter((i) => !s.includes(i)).slice(0, 99)];
    const ahead = list.filter((i) => (bought.get(i) ?? 0) > (bought.get(target) ?? 0) || ((bought.get(i) ?? 0) === (bought.get(target) ?? 0) && i < target));
    return ahead.length < 10;
  }).length;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // A build folder of this run's own: parallel runs (other workers, other people) never share one.
  outDir = mkdtempSync(join(tmpdir(), 'hearth-demo-'));
  dataDir = mkdtempSync(join(tmpdir(), 'hearth-demo-data-'));
  writeFolder(join(dataDir, 'rare', 'beauty'), 'rare');
  writeFolder(join(dataDir, 'popular', 'beauty'), 'popular');
  const build = () => buildDemo({ quiet: true, outDir, datasets: join(dataDir, 'rare'), shoppers: SHOPPERS });
  // dist/ is rebuilt by other suites now and then: one retry covers a build caught half-way.
  await build().catch(build);
  server = await startDemoServer({ port: 0, dir: outDir });
});
test.afterAll(async () => {
  await server?.close();
  for (const d of [outDir, dataDir]) if (d) rmSync(d, { recursive: true, force: true });
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
    expect(r.path).toMatch(/^\/($|index\.html$|favicon\.svg$|assets\/[\w.-]+$|hearth\/[\w.-]+$|hearth-model\/model\.(json|bin)$|data\/beauty-slice\.json$)/);
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
  await expect(page.locator('#rank-plain')).toHaveText('for you');
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

  // Interest panel: the history lists what was opened, in words; forgetting one removes it.
  await page.getByRole('tab', { name: 'You' }).click();
  const history = page.locator('#history-list');
  await expect(history).toContainText('added to cart');
  await expect(history).not.toContainText('to_cart');
  await expect(history.locator('li')).not.toHaveCount(1);
  const forgetBtn = history.locator('li button').first();
  const forgetName = (await forgetBtn.getAttribute('aria-label'))!;
  await forgetBtn.click();
  await expect(history.getByRole('button', { name: forgetName, exact: true })).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('05-interests.png') });

  // Simulator: a runner on a budget, 20 clicks, in its own database: the visitor's history stays.
  const before = await history.locator('li').count();
  await page.getByRole('tab', { name: 'Simulator' }).click();
  await expect(page.locator('#sim-plot')).toContainText('appears when the simulation runs');
  await expect(page.locator('#sim-plot svg')).toHaveCount(0);
  await setKnob(page, 'sim-steps', 20);
  await page.locator('#sim-run').click();
  await expect(page.locator('#panel-simulator')).toHaveAttribute('data-sim-done', '20', { timeout: 90_000 });
  await expect(page.locator('#sim-feed li')).toHaveCount(20);
  const hearthPos = Number((await page.locator('[data-metric="hearth-pos"]').textContent())!.replace('#', ''));
  const shopPos = Number((await page.locator('[data-metric="shop-pos"]').textContent())!.replace('#', ''));
  expect(hearthPos).toBeGreaterThanOrEqual(1);
  expect(hearthPos).toBeLessThan(shopPos);
  // Positions count from #1 (the top), never #0.
  await expect(page.locator('#sim-plot svg')).toContainText('#1');
  await expect(page.locator('#sim-plot svg')).not.toContainText('#0');
  await page.screenshot({ path: info.outputPath('06-simulator.png') });
  await page.getByRole('tab', { name: 'You' }).click();
  await expect(history.locator('li')).toHaveCount(before);

  // Privacy: the panel lists the worker's own requests and finds no behaviour in any request.
  await page.getByRole('tab', { name: 'Privacy' }).click();
  await expect(page.locator('#privacy-summary')).toContainText('No request carried behaviour');
  await expect(page.locator('#request-log')).toContainText('/hearth/hearth.worker.js');
  await expect(page.locator('#idb-contents')).toContainText('hearth-demo');
  await expect(page.locator('#request-log')).not.toContainText('favicon');
  await page.screenshot({ path: info.outputPath('08-privacy.png') });
  expect(server.log.some((r) => r.path === '/hearth/hearth.worker.js' && r.dest === 'worker')).toBe(true);
  expectNoBehaviourSent(server.log);
  expect(pageErrors).toEqual([]);
});

test('the replay of real shoppers computes its totals from the data, and they change with it', async ({ page, pageErrors }, info) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const replay = async (reload: boolean) => {
    if (reload) await page.reload();
    else await page.goto(`${server.origin}/#/`);
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    await expect(page.locator('#replay-blurb')).toContainText(`${SHOPPERS} real shoppers`);
    await page.locator('#replay-run').click();
    await expect(page.locator('#panel-replay')).toHaveAttribute('data-replay-done', String(SHOPPERS), { timeout: 90_000 });
    const hits = async (key: string) => Number(await page.locator(`[data-metric="${key}-top10"]`).getAttribute('data-hits'));
    // The trained order is shown when the demo serves the model (public/hearth-model, committed).
    const served = existsSync(join(repoRoot, 'public/hearth-model/model.json'));
    await expect(page.locator('[data-metric="trained-top10"]')).toHaveCount(served ? 1 : 0);
    return { pop: await hits('bestsellers'), zero: await hits('zero'), trained: served ? await hits('trained') : 0, table: await page.locator('#replay-table').innerText(), verdict: (await page.locator('#replay-verdict').textContent())! };
  };
  const rare = await replay(false);
  // Bestsellers: exactly what the folder's own counts give. Hearth's: measured, one per shopper.
  expect(rare.pop).toBe(expectedBestsellerTop10('rare'));
  for (const n of [rare.zero, rare.trained]) expect(n >= 0 && n <= SHOPPERS).toBe(true);
  expect(rare.verdict).toContain(`Across ${SHOPPERS} real shoppers`);
  expect(rare.verdict).toContain(`against ${Math.round((rare.pop / SHOPPERS) * 100)}% with bestsellers first`);
  expect(rare.verdict).not.toMatch(/\bwins?\b|\bbeats?\b/i);
  await expect(page.locator('#replay-table')).toContainText('lower is better');
  await expect(page.locator('body')).not.toContainText('CTR');
  await page.locator('#panel-replay').screenshot({ path: info.outputPath('11-replay.png') });

  // Other shoppers, other figures: the same page on a slice whose next items are bestsellers.
  await makeDemoData(join(dataDir, 'popular'), { outFile: join(outDir, 'data', 'beauty-slice.json'), shoppers: SHOPPERS });
  const popular = await replay(true);
  expect(popular.pop).toBe(expectedBestsellerTop10('popular'));
  expect(popular.pop).not.toBe(rare.pop);
  expect(popular.table).not.toBe(rare.table);
  expect(pageErrors).toEqual([]);
});

test('on a phone-sized screen the shop and panels fit without sideways scrolling', async ({ page, pageErrors }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDemo(page, '#/');
  await expect(page.locator('#personal-grid a.card')).toHaveCount(12);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  // The pitch and the privacy promise are on the first screen; guide and knobs start folded (under
  // 15 % of it together), so the shop's first products are there too.
  await expect(page.locator('.promise')).toBeInViewport();
  const tall = async (sel: string) => (await page.locator(sel).boundingBox())!.height;
  expect((await tall('#guide')) + (await tall('#knobs-box'))).toBeLessThan(844 * 0.15);
  await expect(page.locator('#default-grid a.card').first()).toBeInViewport();
  // Opened, the knobs show their help.
  await page.locator('#knobs-box summary').click();
  await expect(page.locator('#knob-diversity-help')).toBeVisible();
  await page.screenshot({ path: info.outputPath('09-phone-home.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Privacy' }).click();
  await expect(page.locator('#privacy-summary')).toContainText('No request carried behaviour');
  await page.locator('#panel-privacy').screenshot({ path: info.outputPath('10-phone-privacy.png') });
  expectNoBehaviourSent(server.log);
  expect(pageErrors).toEqual([]);
});

test('the A/B view runs simulated shoppers in arms drawn by the experiments feature and reports the lift with its interval', async ({ page, pageErrors }, info) => {
  test.setTimeout(120_000);
  const N = 12; // both arms empty-free unless all 12 fair draws agree (1 run in 2,048)
  // Records every arm the SDK stores for a simulated shopper (the demo deletes each when its shopper is done).
  await page.addInitScript(() => {
    const stored: string[][] = [];
    (window as unknown as { abArms: string[][] }).abArms = stored;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the storage as `this`
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('hearth.experiment.hearth-demo-ab-')) stored.push([key, value]);
      set.call(this, key, value);
    };
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemo(page, '#/');
  await page.getByRole('tab', { name: 'Simulator' }).click();
  await expect(page.locator('#ab-honest')).toContainText('Simulated tastes');
  await setKnob(page, 'ab-shoppers', N);
  await page.locator('#ab-run').click();
  await expect(page.locator('#ab-test')).toHaveAttribute('data-ab-done', String(N), { timeout: 90_000 });

  const arm = async (key: string) => {
    const el = page.locator(`[data-metric="ab-${key}"]`);
    return { n: Number(await el.getAttribute('data-n')), hits: Number(await el.getAttribute('data-hits')) };
  };
  const [p, o] = [await arm('personalised'), await arm('holdout')];
  expect(p.n + o.n).toBe(N);
  expect(p.n * o.n).toBeGreaterThan(0);
  // The arms are the SDK's own: one stored per shopper, and the panel counts the holdouts the SDK drew.
  const arms = await page.evaluate(() => (window as unknown as { abArms: string[][] }).abArms);
  expect(new Set(arms.map(([key]) => key)).size).toBe(N);
  expect(arms.filter(([, v]) => (JSON.parse(v!) as { arm: string }).arm === 'holdout').length).toBe(o.n);
  // Cleaned up: no shopper's arm or database left; the visitor's own database is still there.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hearth.experiment.hearth-demo-ab-')))).toEqual([]);
  const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  expect(dbs.filter((d) => d.startsWith('hearth-demo-ab-'))).toEqual([]);
  expect(dbs).toContain('hearth-demo');

  // The lift is the difference of the two shares and lies inside its interval.
  const lift = page.locator('[data-metric="ab-lift"]');
  const [v, lo, hi] = await Promise.all(['data-value', 'data-low', 'data-high'].map(async (a) => Number(await lift.getAttribute(a))));
  expect(v).toBeCloseTo(p.hits / p.n - o.hits / o.n, 9);
  expect(lo).toBeLessThanOrEqual(v!);
  expect(hi).toBeGreaterThanOrEqual(v!);
  expect(lo).toBeGreaterThanOrEqual(-1);
  expect(hi).toBeLessThanOrEqual(1);
  expect(hi! - lo!).toBeGreaterThan(0);
  const verdict = page.locator('#ab-verdict');
  await expect(verdict).toContainText(`of the ${p.n} personalised shoppers against`);
  if (lo! <= 0 && hi! >= 0) await expect(verdict).toContainText('includes zero');
  await expect(verdict).not.toHaveText(/\bwins?\b|\bbeats?\b/i);
  await page.locator('#to-ab').click();
  await page.screenshot({ path: info.outputPath('12-ab-test.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#ab-test').scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('13-phone-ab-test.png') });
  await page.locator('#ab-test').screenshot({ path: info.outputPath('14-phone-ab-panel.png') });
  // Stop: the shoppers already started finish, no new one starts, and their arms are cleaned up too.
  await setKnob(page, 'ab-shoppers', 100);
  await page.locator('#ab-run').click();
  await expect(page.locator('#ab-status')).toContainText('Shopper');
  await page.locator('#ab-stop').click();
  await expect(page.locator('#ab-status')).toContainText('(stopped)', { timeout: 60_000 });
  expect(Number(await page.locator('#ab-test').getAttribute('data-ab-done'))).toBeLessThan(100);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hearth.experiment.hearth-demo-ab-')))).toEqual([]);
  expectNoBehaviourSent(server.log);
  expect(pageErrors).toEqual([]);
});
