/**
 * Site trainer:
 *   npm run train -- --events <file|folder|glob> [--catalog <feed>] --out <dir>   (a shop's exports, tools/shop)
 *   npm run train -- --data <folder> --out <dir>                                   (the research folder format)
 * Learns the interest model's feature rows, picks the epoch count on each user's validation item,
 * and writes model.json + model.bin for `createHearth({ modelUrl })`; from a shop's exports also
 * report.json and report.md (tools/shop/report.ts).
 *
 * `--catalog-only`: counts item attributes alone (no shopper, no order: items named only in
 * sequences count as catalogue items without attributes) and writes the zero-training model with
 * the catalogue's feature counts and relations (`src/core/model/catalog-rarity.ts`,
 * `catalog-relations.ts`): what a shop with a product feed and no shoppers yet can serve.
 */
import { writeModel } from './model-io.js';
import { numberArg, parseArgs } from './args.js';
import { fitFromArgs } from './fit-from-args.js';
import { fitFacts } from './fit.js';
import { DATA_USAGE, exitOnDataError, loadData } from './data-args.js';
import { createCatalogModel } from '../../src/core/model/catalog-rarity.js';
import { Stages } from '../shop/stages.js';
import { writeReport } from '../shop/report.js';
import { evaluateShop } from '../shop/shop-evaluate.js';

const USAGE = `usage: npm run train -- ${DATA_USAGE} --out <dir> [--report-users N (default 2000; 0: all)] [--catalog-only] [--epochs N] [--dims D] [--lr X] [--lr-decay F] [--negatives N] [--popular-negatives share] [--logq] [--fields bias=1,...] [--no-refit] [--threads 1|2] [--seed S] [--limit-users N]`;
const args = parseArgs(process.argv.slice(2));
if (!(args.data || args.events) || !args.out) {
  console.error(USAGE);
  process.exit(2);
}
const started = performance.now();
const stages = new Stages();
const { dataset: ds, shop } = await loadData(args, stages).catch(exitOnDataError);
console.log(`${ds.name}: ${ds.sequences.length} users, ${ds.items.length} items`);
for (const w of shop?.warnings ?? []) console.warn(`warning: ${w}`);
for (const [reason, p] of Object.entries(shop?.problems.toJSON() ?? {})) console.warn(`skipped: ${reason}: ${p.count} (first: ${p.examples.join('; ')})`);
if (args['catalog-only'] === 'true') {
  const model = createCatalogModel(ds.items);
  const sizes = writeModel(args.out, model, { data: ds.name, items: ds.items.length, catalogOnly: true });
  console.log(`model ${model.version}: catalogue counts of ${model.catalog!.keys.length} features over ${model.catalog!.items} items, ${model.catalog!.related?.targets.length ?? 0} relations, model.json ${(sizes.json / 1024).toFixed(1)} KiB`);
  console.log(`wrote ${args.out}/model.json in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.exit(0);
}
const result = await stages.run('train', () => fitFromArgs(ds, args, (l) => console.log(l)));
const sizes = writeModel(args.out, result.model, {
  data: ds.name,
  users: ds.sequences.length,
  items: ds.items.length,
  ...fitFacts(result),
});
console.log(`model ${result.model.version}: ${result.model.table!.keys.length} rows × ${result.model.params.dims} dims, model.bin ${(sizes.bin / 1024).toFixed(0)} KiB, model.json ${(sizes.json / 1024).toFixed(1)} KiB`);
if (shop) {
  const reportUsers = numberArg(args, 'report-users') ?? 2000;
  const evaluation = await stages.run('evaluate', () => evaluateShop(ds, result.model, reportUsers));
  const m = result.model;
  writeReport(args.out, {
    command: `npm run train -- ${process.argv.slice(2).join(' ')}`,
    createdAt: new Date().toISOString(),
    input: shop,
    stages: stages.done,
    model: { version: m.version, rows: m.table!.keys.length, dims: m.params.dims, jsonBytes: sizes.json, binBytes: sizes.bin, bestEpoch: result.bestEpoch },
    evaluation,
  });
  for (const row of evaluation.rows) console.log(`${row.model}: sampled HR@10 ${row.sampled?.hr[10]?.toFixed(4)}, full HR@10 ${row.full?.hr[10]?.toFixed(4)} (${row.users.full} shoppers)`);
  console.log(`wrote ${args.out}/report.md`);
}
await stages.close();
console.log(`wrote ${args.out}/model.json in ${((performance.now() - started) / 1000).toFixed(0)} s`);
