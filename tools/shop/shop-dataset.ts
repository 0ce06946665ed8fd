import type { Dataset } from '../eval/dataset.js';
import type { WireItem } from '../../src/core/wire/wire.js';
import { openDuck, sqlString, sqlText, type Duck } from './duck.js';
import type { FeedRow } from './feed-row.js';
import { feedItem, pageItem } from './item-build.js';
import { Problems } from './problems.js';
import { countEvents, loadCatalog, loadEvents, type EventCounts, type FileFact } from './read-shop.js';
import { sampledNegatives } from './negatives.js';
import { ShopDataError } from './shop-error.js';
import type { ShopOptions } from './shop-options.js';
import type { Stages } from './stages.js';
import { catalogFacts, type CatalogFacts } from './catalog-facts.js';
import { sequenceFacts, type SequenceFacts } from './sequence-facts.js';

export interface ShopFacts {
  eventFiles: FileFact[];
  catalogFiles: FileFact[];
  idKey: 'item' | 'group';
  events: EventCounts;
  /** Steps by their strongest action (the sequence rule). */
  stepsByAction: Record<string, number>;
  sequences: SequenceFacts;
  catalog: CatalogFacts;
  problems: Problems;
  warnings: string[];
}

const STRENGTH_NAMES = ['', 'view', 'click', 'add_to_cart', 'purchase'];

/** Reads a shop's exports into the dataset the trainer and the benchmarks consume. */
export async function readShopData(options: ShopOptions, stages: Stages): Promise<{ dataset: Dataset; facts: ShopFacts }> {
  const duck = await openDuck();
  try {
    const problems = new Problems(options.strict);
    const eventFiles = await stages.run('read events', () => loadEvents(duck, options, problems.csv));
    const events = await countEvents(duck, problems);
    const catalog = await stages.run('read catalogue', () => loadCatalog(duck, options, problems.csv));
    return await stages.run('build sequences', () => build(duck, options, problems, eventFiles, events, catalog));
  } finally {
    duck.close();
  }
}

 
async function build(duck: Duck, options: ShopOptions, problems: Problems, eventFiles: FileFact[], events: EventCounts, catalog: { files: FileFact[]; rows: FeedRow[] }) {
  const byGroup = options.idKey === 'group';
  // Feed items by model key: the first row of a key wins (a group's first variant stands for it).
  const keyOf = new Map<string, string>();
  const items: WireItem[] = [];
  const index = new Map<string, number>();
  for (const row of catalog.rows) {
    if (!row.id?.trim()) {
      problems.add('feed row without id', { file: row.file, ...(row.line !== undefined ? { line: row.line } : { row: row.row! }), column: 'id' });
      continue;
    }
    const id = row.id.trim();
    const key = byGroup ? row.groupId?.trim() || id : id;
    keyOf.set(id, key);
    if (index.has(key)) continue;
    const item = feedItem(row, key, problems, !byGroup);
    if (!item) continue;
    index.set(key, items.length);
    items.push(item);
  }
  const feedItems = items.length;
  await duck.run('CREATE OR REPLACE TABLE item_keys (item_id VARCHAR, item_key VARCHAR)');
  if (byGroup) await insertKeys(duck, keyOf);
  const steps = await duck.rows(sqlText('steps', {}));
  // Items only the events know take the fields the events carry (their latest record).
  const eventItems = await duck.rows(sqlText('event-items', {}));
  let eventOnly = 0;
  for (const r of eventItems) {
    const key = String(r.key);
    if (index.has(key)) continue;
    const item = pageItem({ id: key, title: r.title, brand: r.brand, categories: r.categories, price: r.price, variant: byGroup ? undefined : r.variant });
    if (!item) continue;
    index.set(key, items.length);
    items.push(item);
    eventOnly++;
  }
  const users: string[] = [];
  const seqs: number[][] = [];
  const stepsByAction: Record<string, number> = {};
  for (const s of steps) {
    const shopper = String(s.shopper);
    if (users.at(-1) !== shopper) {
      users.push(shopper);
      seqs.push([]);
    }
    seqs.at(-1)!.push(index.get(String(s.item_key))!);
    const name = STRENGTH_NAMES[Number(s.strength)] ?? 'view';
    stepsByAction[name] = (stepsByAction[name] ?? 0) + 1;
  }
  const sequences = seqs.map((s) => Int32Array.from(s));
  if (!sequences.some((s) => s.length >= 2)) {
    throw new ShopDataError(`${options.events}: no usable shoppers: ${users.length} shopper(s) with any step, none with two or more (${events.rowsRead} rows read, ${events.recordsKept} of ${events.records} records kept; dropped: ${[...problems.byReason].map(([r, p]) => `${r} ${p.count}`).join(', ') || 'none'})`);
  }
  const dataset: Dataset = {
    name: eventFiles.map((f) => f.file).join('+').slice(0, 80),
    sequences,
    users,
    itemIds: items.map((i) => i.id),
    items,
    negatives: sampledNegatives(sequences, items.length, options.seed ?? 1),
  };
  const cat = catalogFacts({ feedRows: catalog.rows.length, feedItems: items.slice(0, feedItems), eventOnly, steps: sequences, hasFeed: options.catalog !== undefined });
  const facts: ShopFacts = { eventFiles, catalogFiles: catalog.files, idKey: options.idKey, events, stepsByAction, sequences: sequenceFacts(sequences), catalog: cat.facts, problems, warnings: cat.warnings };
  if (!options.catalog) facts.warnings.push('no --catalog: items carry only the fields the events carry');
  return { dataset, facts };
}

async function insertKeys(duck: Duck, keyOf: Map<string, string>): Promise<void> {
  const pairs = [...keyOf];
  for (let i = 0; i < pairs.length; i += 1000) {
    const values = pairs.slice(i, i + 1000).map(([id, key]) => `(${sqlString(id)}, ${sqlString(key)})`);
    await duck.run(`INSERT INTO item_keys VALUES ${values.join(', ')}`);
  }
}
