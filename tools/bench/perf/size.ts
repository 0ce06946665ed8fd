/**
 * Size budgets of the built files (`npm run size`, after `npm run build`): gzip bytes of each
 * budgeted file against tools/bench/perf/size-budgets.json. Offline; exits 1 when a budget is exceeded.
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { measureSizes } from './sizes.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const rows = await measureSizes(root).catch((err: unknown) => {
  console.error(`size: ${String(err)} (run npm run build first)`);
  process.exit(1);
});
let over = 0;
for (const r of rows) {
  const verdict = r.budget === undefined ? '' : r.gzipBytes <= r.budget ? `ok   (budget ${kb(r.budget)})` : `OVER (budget ${kb(r.budget)})`;
  if (r.budget !== undefined && r.gzipBytes > r.budget) over++;
  console.log(`${r.path.padEnd(44)} ${kb(r.bytes).padStart(10)} ${kb(r.gzipBytes).padStart(10)} gzip  ${verdict}`);
}
if (over > 0) {
  console.error(`size: ${over} file(s) over budget`);
  process.exit(1);
}
