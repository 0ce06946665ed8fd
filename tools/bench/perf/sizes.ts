import { readFile, readdir, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Budget {
  name: string;
  path: string;
  gzipBytes: number;
}

export interface SizeRow {
  name: string;
  path: string;
  bytes: number;
  gzipBytes: number;
  budget?: number;
}

const budgetFile = resolve(dirname(fileURLToPath(import.meta.url)), 'size-budgets.json');

export async function loadBudgets(): Promise<Budget[]> {
  const file = JSON.parse(await readFile(budgetFile, 'utf8')) as { budgets: Budget[] };
  return file.budgets;
}

async function measure(root: string, path: string): Promise<{ bytes: number; gzipBytes: number }> {
  const body = await readFile(resolve(root, path));
  return { bytes: body.byteLength, gzipBytes: gzipSync(body, { level: 9 }).byteLength };
}

/** Sizes of the files under `root`/dist: budgeted files, then every other .js / .wasm file in dist/ (chunks included) for the record. */
export async function measureSizes(root: string): Promise<SizeRow[]> {
  const budgets = await loadBudgets();
  const rows: SizeRow[] = [];
  for (const b of budgets) rows.push({ name: b.name, path: b.path, ...(await measure(root, b.path)), budget: b.gzipBytes });
  const seen = new Set(budgets.map((b) => b.path));
  const walk = async (dir: string): Promise<string[]> => {
    const out: string[] = [];
    for (const name of await readdir(resolve(root, dir))) {
      const rel = `${dir}/${name}`;
      if ((await stat(resolve(root, rel))).isDirectory()) out.push(...(name === 'types' ? [] : await walk(rel)));
      else if (/\.(js|wasm)$/.test(name)) out.push(rel);
    }
    return out;
  };
  for (const path of (await walk('dist')).sort()) if (!seen.has(path)) rows.push({ name: path.replace(/^dist\//, ''), path, ...(await measure(root, path)) });
  return rows;
}
