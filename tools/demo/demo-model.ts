/**
 * Rebuilds the demo's site-trained model (public/hearth-model/model.json + model.bin, committed):
 *
 *   npm run demo:model -- [--data ../shared/datasets/beauty] [--work /tmp/hearth-demo-model] [--out public/hearth-model] [--dims 32]
 *
 * What a shop would do, with the project's own tools: the Beauty research folder is written as a
 * GA4 export and a Merchant feed (tools/shop/research-to-ga4.ts), then `npm run train` learns from
 * those files. Training leaves every shopper's last item out, so the demo's replay measures items
 * the model never saw. 32 dims keep the files small enough to commit; their size and validation
 * figures against 64 dims: BENCHMARKS.md › "Demo: the site-trained model and the Beauty replay".
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from '../train/args.js';

const root = path.resolve(import.meta.dirname, '../..');
const args = parseArgs(process.argv.slice(2));
const data = path.resolve(args.data ?? path.join(process.env.HEARTH_DATASETS ?? path.join(root, '../shared/datasets'), 'beauty'));
const work = path.resolve(args.work ?? '/tmp/hearth-demo-model');
const out = path.resolve(root, args.out ?? 'public/hearth-model');
const dims = args.dims ?? '32';

function run(script: string, argv: string[]): void {
  console.log(`> tsx ${script} ${argv.join(' ')}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, script), ...argv], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    console.error(`${script} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

if (!existsSync(path.join(data, 'sequences.txt'))) {
  console.error(`${data}: no research folder here (expected sequences.txt); pass --data <folder>`);
  process.exit(2);
}
const ga4 = path.join(work, 'ga4');
// The conversion is deterministic, so a copy from an earlier run is reused.
if (!existsSync(path.join(ga4, 'events.ndjson.gz'))) run('tools/shop/research-to-ga4.ts', ['--data', data, '--out', ga4]);
const trained = path.join(work, 'model');
run('tools/train/cli.ts', ['--events', path.join(ga4, 'events.ndjson.gz'), '--catalog', path.join(ga4, 'feed.tsv'), '--out', trained, '--dims', dims]);
mkdirSync(out, { recursive: true });
for (const f of ['model.json', 'model.bin']) copyFileSync(path.join(trained, f), path.join(out, f));
const kib = (f: string) => (statSync(path.join(out, f)).size / 1024).toFixed(0);
console.log(`wrote ${out}: model.json ${kib('model.json')} KiB, model.bin ${kib('model.bin')} KiB (training report: ${path.join(trained, 'report.md')})`);
