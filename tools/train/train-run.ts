/**
 * What `npm run train` does, as a function the CLI and the tests call alike: read the data
 * (research folder or a shop's exports), fit, write the model and, from a shop's exports, the
 * report beside it. Shop-data errors are thrown (ShopDataError); the CLI turns them into exit 1.
 */
import { writeCutModel, writeModel } from './model-io.js';
import { cutFromArgs } from './cut-args.js';
import { headWeights } from './head-weights.js';
import { numberArg } from './args.js';
import { fitFromArgs } from './fit-from-args.js';
import { fitFacts } from './fit.js';
import { loadData } from './data-args.js';
import { createCatalogModel } from '../../src/core/model/catalog-rarity.js';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { Stages } from '../shop/stages.js';
import { writeReport } from '../shop/report.js';
import { evaluateShop } from '../shop/shop-evaluate.js';

export type Log = (line: string) => void;

/** Trains from parsed command-line arguments (`--out` required) and returns the model written. */
export async function trainFromArgs(args: Record<string, string>, log: Log = console.log, warn: Log = console.warn): Promise<InterestModel> {
  const out = args.out!;
  const started = performance.now();
  const stages = new Stages();
  try {
    const { dataset: ds, shop } = await loadData(args, stages);
    log(`${ds.name}: ${ds.sequences.length} users, ${ds.items.length} items`);
    for (const w of shop?.warnings ?? []) warn(`warning: ${w}`);
    for (const [reason, p] of Object.entries(shop?.problems.toJSON() ?? {})) warn(`skipped: ${reason}: ${p.count} (first: ${p.examples.join('; ')})`);
    if (args['catalog-only'] === 'true') {
      const model = createCatalogModel(ds.items);
      const sizes = writeModel(out, model, { data: ds.name, items: ds.items.length, catalogOnly: true });
      log(`model ${model.version}: catalogue counts of ${model.catalog!.keys.length} features over ${model.catalog!.items} items, ${model.catalog!.related?.targets.length ?? 0} relations, model.json ${(sizes.json / 1024).toFixed(1)} KiB`);
      log(`wrote ${out}/model.json in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      return model;
    }
    const result = await stages.run('train', () => fitFromArgs(ds, args, log));
    const m = result.model;
    const training = { data: ds.name, users: ds.sequences.length, items: ds.items.length, ...fitFacts(result) };
    // --download-budget / --head-items / --feature-rows: ship head rows only (src/core/model/head-cut.ts).
    const cut = cutFromArgs(args, headWeights(ds));
    const written = cut ? writeCutModel(out, m, cut, training) : undefined;
    const sizes = written ?? writeModel(out, m, training);
    if (written) log(`cut for download: ${written.cut.headItems} of ${written.cut.items} id rows, ${written.cut.featureRows} of ${written.cut.features} feature rows`);
    log(`model ${m.version}: ${m.table!.keys.length} rows × ${m.params.dims} dims, model.bin ${(sizes.bin / 1024).toFixed(0)} KiB, model.json ${(sizes.json / 1024).toFixed(1)} KiB`);
    if (shop) {
      const reportUsers = numberArg(args, 'report-users') ?? 2000;
      const evaluation = await stages.run('evaluate', () => evaluateShop(ds, m, reportUsers));
      writeReport(out, {
        command: `npm run train -- ${argsLine(args)}`,
        createdAt: new Date().toISOString(),
        input: shop,
        stages: stages.done,
        model: { version: m.version, rows: m.table!.keys.length, dims: m.params.dims, jsonBytes: sizes.json, binBytes: sizes.bin, bestEpoch: result.bestEpoch },
        evaluation,
      });
      for (const row of evaluation.rows) log(`${row.model}: sampled HR@10 ${row.sampled?.hr[10]?.toFixed(4)}, full HR@10 ${row.full?.hr[10]?.toFixed(4)} (${row.users.full} shoppers)`);
      log(`wrote ${out}/report.md`);
    }
    log(`wrote ${out}/model.json in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return m;
  } finally {
    await stages.close();
  }
}

/** The arguments as a command line again (flags set to 'true' written bare). */
const argsLine = (args: Record<string, string>) => Object.entries(args).map(([k, v]) => (v === 'true' ? `--${k}` : `--${k} ${v}`)).join(' ');
