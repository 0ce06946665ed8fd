/**
 * Cuts a trained model for download (`src/core/model/head-cut.ts`):
 *   npm run model:cut -- --model <trained dir> (--data <folder> | --events … [--catalog …]) --out <dir> [--download-budget 1MiB] [--head-items N] [--feature-rows N]
 * The data ranks rows: id rows by the item's interactions (each shopper's last item, the test
 * item, left out), feature rows by the interactions of the items carrying them. The same flags
 * on `npm run train` cut the model it writes.
 */
import { parseArgs } from './args.js';
import { CUT_USAGE, cutFromArgs } from './cut-args.js';
import { DATA_USAGE, exitOnDataError, loadData } from './data-args.js';
import { headWeights } from './head-weights.js';
import { readModel, writeCutModel } from './model-io.js';
import { Stages } from '../shop/stages.js';

const args = parseArgs(process.argv.slice(2));
if (!args.model || !args.out || !(args.data || args.events)) {
  console.error(`usage: npm run model:cut -- --model <dir> ${DATA_USAGE} --out <dir> ${CUT_USAGE}`);
  process.exit(2);
}
const stages = new Stages();
try {
  const model = readModel(args.model);
  const { dataset } = await loadData(args, stages);
  const cut = cutFromArgs(args, headWeights(dataset));
  if (!cut) throw new Error(`nothing to cut: pass ${CUT_USAGE}`);
  const written = writeCutModel(args.out, model, cut, { cutFrom: model.version, data: dataset.name });
  const c = written.cut;
  console.log(`model ${written.model.version}: ${c.headItems} of ${c.items} id rows (${(c.interactionShare * 100).toFixed(1)} % of interactions), ${c.featureRows} of ${c.features} feature rows; model.json ${written.json} B + model.bin ${written.bin} B = ${written.json + written.bin} B`);
} catch (err) {
  exitOnDataError(err);
} finally {
  await stages.close();
}
