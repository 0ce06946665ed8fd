/**
 * What the pages load, served from a real 127.0.0.1 server: a snapshot of dist/ (or --dist),
 * the bench pages and comlink under tools/bench/out/perf/site, so a rebuild of dist/ during the
 * run (other work in the same checkout) cannot pull files from under the benchmark.
 */
import { cp, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startStaticServer } from '../../../test/support/static-server.js';

export interface Site {
  /** The snapshot's root on disk (what the sizes are measured in). */
  dir: string;
  /** Where the cold start's synthetic site model is written (served as /tools/bench/out/perf/model/). */
  modelDir: string;
  origin: string;
  close(): Promise<void>;
}

export async function serveSnapshot(root: string, outDir: string, dist: string): Promise<Site> {
  const dir = resolve(outDir, 'site');
  await rm(dir, { recursive: true, force: true });
  for (const sub of ['dist', 'tools/bench/pages', 'node_modules/comlink/dist/esm']) await cp(resolve(root, sub === 'dist' ? dist : sub), resolve(dir, sub), { recursive: true });
  const server = await startStaticServer(dir);
  return { dir, modelDir: resolve(dir, 'tools/bench/out/perf/model'), origin: server.origin, close: () => server.close() };
}
