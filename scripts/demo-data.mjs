// Makes the demo's slice of real Amazon Beauty shoppers (demo/.generated/beauty-slice.json, gitignored).
// Reads /work/shared/datasets/beauty (or HEARTH_DATASETS/beauty); never copies the dataset into the repo.
// Absent data is not an error: the file then says why, and the demo's replay tab shows that message.
import { readFile, writeFile, mkdir, rename } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = resolve(root, 'demo/.generated');
/** Shoppers replayed: every k-th of the file, so the slice spreads over it (deterministic). */
export const SLICE_SHOPPERS = 1000;

/** Write-then-rename, so a build running at the same time never reads half a file. */
async function writeAtomic(path, text) {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/**
 * The slice, from a research folder (sequences, attributes, 99 negatives a shopper). Each replayed
 * shopper's last item is the one to predict, ranked among their 99 fixed negatives, as in the
 * benchmarks' sampled protocol. Bestseller counts come from every shopper's items *but* their last
 * one: what the shop knew before, the same data the site-trained model was trained on.
 */
export function sliceFromFolder({ seqText, attrText, negText }, shoppers = SLICE_SHOPPERS) {
  const attrs = JSON.parse(attrText);
  const sequences = seqText.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number)).filter((s) => s.length >= 3);
  const negatives = new Map(negText.trim().split('\n').map((l) => { const [u, ...n] = l.trim().split(/\s+/).map(Number); return [u, n]; }));
  const step = Math.max(1, Math.floor(sequences.length / shoppers));
  const chosen = sequences.filter((_, i) => i % step === 0).slice(0, shoppers);
  const bought = new Map();
  for (const [, ...items] of sequences) for (const i of items.slice(0, -1)) bought.set(i, (bought.get(i) ?? 0) + 1);
  const items = {};
  const out = chosen.map(([user, ...seq]) => {
    const neg = negatives.get(user) ?? [];
    // Attributes keep the file's order: the trained model's rows are keyed by them as categories.
    for (const i of [...seq, ...neg]) items[i] ??= { a: attrs[String(i)] ?? [], p: bought.get(i) ?? 0 };
    return { user, items: seq, negatives: neg };
  });
  return { available: true, source: 'Amazon Beauty reviews (McAuley et al.), as preprocessed for research (S3-Rec: 5-core, time order)', users: sequences.length, shoppers: out, items };
}

/** Writes the slice to `outFile`; returns a one-line summary. */
export async function makeDemoData(datasetsDir = process.env.HEARTH_DATASETS ?? resolve(root, '../shared/datasets'), { outFile = resolve(OUT_DIR, 'beauty-slice.json'), shoppers = SLICE_SHOPPERS, folder = 'beauty' } = {}) {
  const dir = resolve(datasetsDir, folder);
  await mkdir(dirname(outFile), { recursive: true });
  const files = ['sequences.txt', 'item_attributes.json', 'negatives_99.txt'].map((f) => resolve(dir, f));
  if (!files.every((f) => existsSync(f))) {
    const reason = `The Amazon Beauty data was not found in ${dir}, so the replay of real shoppers is off (it needs the research datasets beside the repo, ../shared/datasets).`;
    await writeAtomic(outFile, JSON.stringify({ available: false, reason }));
    return reason;
  }
  const [seqText, attrText, negText] = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  const slice = sliceFromFolder({ seqText, attrText, negText }, shoppers);
  // Whether the site-trained files are there to serve (public/ is the demo's static folder): without
  // them the replay leaves the trained order out rather than asking for files that are not there.
  slice.trainedModel = existsSync(resolve(root, 'public/hearth-model/model.json'));
  await writeAtomic(outFile, JSON.stringify(slice));
  return `demo data: ${slice.shoppers.length} real Beauty shoppers, ${Object.keys(slice.items).length} items → ${outFile}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await makeDemoData());
