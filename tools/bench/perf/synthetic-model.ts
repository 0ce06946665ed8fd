import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { encodeModel } from '../../../src/core/model/model-format.js';
import { DEFAULT_PARAMS } from '../../../src/core/model/params.js';
import { rng } from './data.js';

/**
 * A site-trained-sized model file (random vectors, int8) for the cold-start figures: what
 * matters there is the bytes fetched, cached in IndexedDB and decoded, not what they say.
 */
export async function writeSyntheticModel(dir: string, count = 20_000): Promise<{ megabytes: number }> {
  const dims = DEFAULT_PARAMS.dims;
  const r = rng(7);
  const keys = new Set<number>();
  while (keys.size < count) keys.add(Math.floor(r() * 2 ** 32));
  const sorted = Uint32Array.from([...keys].sort((a, b) => a - b));
  const vectors = () => Float32Array.from({ length: count * dims }, () => (r() - 0.5) * 0.2);
  const model = { version: 'bench-synthetic-1', params: { ...DEFAULT_PARAMS }, table: { keys: sorted, context: vectors(), target: vectors() } };
  const { manifest, bin } = encodeModel(model, 'int8', 'model.bin');
  await mkdir(dir, { recursive: true });
  await writeFile(resolve(dir, 'model.json'), JSON.stringify(manifest));
  await writeFile(resolve(dir, 'model.bin'), bin);
  return { megabytes: bin.byteLength / 1048576 };
}
