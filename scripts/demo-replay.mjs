// `node scripts/demo-replay.mjs`: the demo's "Real shoppers" replay, headless, for the record. Builds the
// demo (dist/ of the SDK must be built), serves it, runs the replay in Chromium exactly as a visitor
// would (the button), and prints the headline, the table, and this process's and the browser's CPU.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemo, startDemoServer } from './demo-serve.mjs';

const outDir = mkdtempSync(join(tmpdir(), 'hearth-demo-replay-'));
await buildDemo({ quiet: true, outDir });
const server = await startDemoServer({ port: 0, dir: outDir });
// Debian's chromium, as the browser tests start it (test/support/chromium.ts).
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${server.origin}/#/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const started = Date.now();
  await page.locator('#replay-run').click();
  await page.waitForSelector('#panel-replay[data-replay-done]:not([data-replay-done=""])', { timeout: 1_800_000 });
  const wall = (Date.now() - started) / 1000;
  const { metrics } = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }));
  console.log(await page.locator('#replay-verdict').textContent());
  console.log(await page.locator('#replay-status').textContent());
  console.log(await page.locator('#replay-table').innerText());
  const task = metrics.find((m) => m.name === 'TaskDuration')?.value;
  console.log(`replay wall ${wall.toFixed(1)} s${task ? `; page main-thread task time ${task.toFixed(1)} s (workers not included)` : ''}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
