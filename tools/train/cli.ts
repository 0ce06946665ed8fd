/**
 * Site trainer: `npm run train -- --data <folder> --out <dir> [--epochs N] [--dims D] [--no-refit] [--seed S]`
 * Reads a dataset folder (sequences.txt, item_attributes.json, negatives_99.txt), learns the
 * interest model's feature rows, picks the epoch count on each user's validation item, and
 * writes model.json + model.bin for `createHearth({ modelUrl })`.
 *
 * `--catalog-only`: counts item attributes alone (no shopper, no order: items named only in
 * sequences.txt count as catalogue items without attributes) and writes the zero-training
 * model with the catalogue's feature counts and relations (`src/core/model/catalog-rarity.ts`,
 * `catalog-relations.ts`): what a shop with a product feed and no shoppers yet can serve.
 */
import { readDataset } from '../eval/dataset.js';
import { writeModel } from './model-io.js';
import { numberArg, parseArgs } from './args.js';
import { fitFromArgs } from './fit-from-args.js';
import { fitFacts } from './fit.js';
import { createCatalogModel } from '../../src/core/model/catalog-rarity.js';

const args = parseArgs(process.argv.slice(2));
if (!args.data || !args.out) {
  console.error('usage: npm run train -- --data <folder> --out <dir> [--catalog-only] [--epochs N] [--dims D] [--lr X] [--lr-decay F] [--negatives N] [--popular-negatives share] [--logq] [--fields bias=1,...] [--no-refit] [--threads 1|2] [--seed S] [--limit-users N]');
  process.exit(2);
}
const started = performance.now();
const limitUsers = numberArg(args, 'limit-users');
const ds = readDataset(args.data, limitUsers ? { limitUsers } : {});
console.log(`${ds.name}: ${ds.sequences.length} users, ${ds.items.length} items`);
if (args['catalog-only'] === 'true') {
  const model = createCatalogModel(ds.items);
  const sizes = writeModel(args.out, model, { data: ds.name, items: ds.items.length, catalogOnly: true });
  console.log(`model ${model.version}: catalogue counts of ${model.catalog!.keys.length} features over ${model.catalog!.items} items, ${model.catalog!.related?.targets.length ?? 0} relations, model.json ${(sizes.json / 1024).toFixed(1)} KiB`);
  console.log(`wrote ${args.out}/model.json in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.exit(0);
}
const result = await fitFromArgs(ds, args, (l) => console.log(l));
const sizes = writeModel(args.out, result.model, {
  data: ds.name,
  users: ds.sequences.length,
  items: ds.items.length,
  ...fitFacts(result),
});
console.log(`model ${result.model.version}: ${result.model.table!.keys.length} rows × ${result.model.params.dims} dims, model.bin ${(sizes.bin / 1024).toFixed(0)} KiB, model.json ${(sizes.json / 1024).toFixed(1)} KiB`);
console.log(`wrote ${args.out}/model.json in ${((performance.now() - started) / 1000).toFixed(0)} s`);
