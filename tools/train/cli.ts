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
import { parseArgs } from './args.js';
import { CUT_USAGE } from './cut-args.js';
import { DATA_USAGE, exitOnDataError } from './data-args.js';
import { trainFromArgs } from './train-run.js';

const USAGE = `usage: npm run train -- ${DATA_USAGE} --out <dir> [--report-users N (default 2000; 0: all)] [--catalog-only] [--epochs N] [--dims D] [--lr X] [--lr-decay F] [--negatives N] [--popular-negatives share] [--logq] [--fields bias=1,...] [--no-refit] [--threads 1|2] [--seed S] [--limit-users N] [--max-sequences N] [--budget-minutes M] [--init <previous model dir>] ${CUT_USAGE}`;
const args = parseArgs(process.argv.slice(2));
if (!(args.data || args.events) || !args.out) {
  console.error(USAGE);
  process.exit(2);
}
await trainFromArgs(args).catch(exitOnDataError);
