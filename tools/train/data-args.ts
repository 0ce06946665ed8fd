import { readDataset, type Dataset } from '../eval/dataset.js';
import { CATALOG_FORMATS, EVENTS_FORMATS, checkFormat } from '../shop/detect.js';
import { isResearchFolder } from '../shop/inputs.js';
import { readShopData, type ShopFacts } from '../shop/shop-dataset.js';
import { ShopDataError } from '../shop/shop-error.js';
import type { Stages } from '../shop/stages.js';
import { numberArg } from './args.js';

/** The data flags `npm run train` and `npm run bench:accuracy` share. */
export const DATA_USAGE =
  '(--events <file|folder|glob> [--catalog <feed>] [--events-format ga4|segment|shopify-orders|folder] [--catalog-format merchant|shopify|jsonl] [--id-key item|group] [--strict] | --data <research folder>)';

/**
 * The dataset from the command line: a research folder (`--data`, or `--events` naming one) or a
 * shop's exports read by tools/shop. Both give the same `Dataset`; a shop's comes with the facts
 * its report shows.
 */
export async function loadData(args: Record<string, string>, stages: Stages): Promise<{ dataset: Dataset; shop?: ShopFacts }> {
  const limitUsers = numberArg(args, 'limit-users');
  const research = args.data ?? (args.events && (args['events-format'] === 'folder' || isResearchFolder(args.events)) ? args.events : undefined);
  if (research) {
    if (!isResearchFolder(research)) throw new ShopDataError(`${research}: not a research folder (expected sequences.txt in it)`);
    return { dataset: await stages.run('read research folder', () => readDataset(research, limitUsers ? { limitUsers } : {})) };
  }
  if (!args.events) throw new ShopDataError(`no data: pass ${DATA_USAGE}`);
  const idKey = args['id-key'] ?? 'item';
  if (idKey !== 'item' && idKey !== 'group') throw new ShopDataError(`--id-key must be item or group; got '${idKey}'`);
  const read = await readShopData(
    {
      events: args.events,
      catalog: args.catalog,
      eventsFormat: checkFormat(args['events-format'], EVENTS_FORMATS, 'events-format'),
      catalogFormat: checkFormat(args['catalog-format'], CATALOG_FORMATS, 'catalog-format'),
      idKey,
      strict: args.strict === 'true',
      seed: numberArg(args, 'seed') ?? 1,
    },
    stages,
  );
  const ds = read.dataset;
  const dataset = limitUsers ? { ...ds, sequences: ds.sequences.slice(0, limitUsers), users: ds.users.slice(0, limitUsers), negatives: ds.negatives.slice(0, limitUsers) } : ds;
  return { dataset, shop: read.facts };
}

/** Prints a shop-data error as its message alone and exits 1; anything else is a bug and keeps its stack. */
export function exitOnDataError(err: unknown): never {
  if (err instanceof ShopDataError) {
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
