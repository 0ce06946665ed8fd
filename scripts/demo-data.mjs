// Makes the demo's slice of real Amazon Beauty shoppers (demo/.generated/beauty-slice.json, gitignored).
// Reads /work/shared/datasets/beauty (or HEARTH_DATASETS/beauty); never copies the dataset into the repo.
// Absent data is not an error: the file then says why, and the demo's replay tab shows that message.
import { readFile, writeFile, mkdir, rename } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = resolve(root, 'demo/.generated');
const SHOPPERS = 200;
const NEGATIVES = 39; // candidates per step: the true next item + 39 the shopper never touched

/** Write-then-rename, so a build running at the same time never reads half a file. */
async function writeAtomic(path, text) {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/** Writes the slice; returns a one-line summary. */
export async function makeDemoData(datasetsDir = process.env.HEARTH_DATASETS ?? resolve(root, '../shared/datasets')) {
  const dir = resolve(datasetsDir, 'beauty');
  await mkdir(OUT_DIR, { recursive: true });
  const out = resolve(OUT_DIR, 'beauty-slice.json');
  const files = ['sequences.txt', 'item_attributes.json', 'negatives_99.txt'].map((f) => resolve(dir, f));
  if (!files.every((f) => existsSync(f))) {
    const reason = `Amazon Beauty data not found in ${dir}; the replay of real shoppers is off.`;
    await writeAtomic(out, JSON.stringify({ available: false, reason }));
    return reason;
  }
  const [seqText, attrText, negText] = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  const attrs = JSON.parse(attrText);
  const sequences = seqText.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const negatives = new Map(negText.trim().split('\n').map((l) => { const [u, ...n] = l.trim().split(/\s+/).map(Number); return [u, n]; }));
  const attrFreq = new Map();
  for (const list of Object.values(attrs)) for (const a of list) attrFreq.set(a, (attrFreq.get(a) ?? 0) + 1);
  // Every k-th shopper with a history long enough to watch (8–40 items): deterministic, spread over the file.
  const eligible = sequences.filter((s) => s.length - 1 >= 8 && s.length - 1 <= 40);
  const step = Math.max(1, Math.floor(eligible.length / SHOPPERS));
  const chosen = eligible.filter((_, i) => i % step === 0).slice(0, SHOPPERS);
  // Popularity among all *other* shoppers is the shop's "bestsellers" order: it must not know the
  // replayed shoppers' own choices.
  const replayed = new Set(chosen.map(([u]) => u));
  const pop = new Map();
  for (const [u, ...items] of sequences) if (!replayed.has(u)) for (const i of items) pop.set(i, (pop.get(i) ?? 0) + 1);
  const items = {};
  const shoppers = chosen.map(([user, ...seq]) => {
    const neg = (negatives.get(user) ?? []).slice(0, NEGATIVES);
    for (const i of [...seq, ...neg]) {
      if (items[i]) continue;
      const a = [...(attrs[String(i)] ?? [])].sort((x, y) => (attrFreq.get(y) ?? 0) - (attrFreq.get(x) ?? 0));
      // Attribute ids are opaque: the most common one names the category, the rarest the brand.
      items[i] = { c: a[0] ?? 0, b: a.length > 1 ? a[a.length - 1] : 0, p: pop.get(i) ?? 0 };
    }
    return { user, items: seq, negatives: neg };
  });
  await writeAtomic(out, JSON.stringify({ available: true, source: 'Amazon Beauty (McAuley et al., 5-core, S3-Rec preprocessing)', users: sequences.length, shoppers, items }));
  return `demo data: ${shoppers.length} real Beauty shoppers, ${Object.keys(items).length} items → ${out}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await makeDemoData());
