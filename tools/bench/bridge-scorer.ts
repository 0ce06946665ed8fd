/**
 * What the start-up bridge costs per rank: `npx tsx tools/bench/bridge-scorer.ts` (Node, no network).
 * The worker answers its first ranks with the plain-JS reference scorer while tfjs loads
 * (src/worker/bridge-scorer.ts); this times that scorer against the tfjs graph on wasm, the
 * backend 'auto' picks without a GPU, on the same inputs (128 dims, the default model).
 * Medians of 9 warm runs; compare the two as a ratio, not as absolute figures.
 */
import { createNodeScorer } from '../eval/backend.js';
import { DEFAULT_PARAMS } from '../../src/core/model/params.js';

const dims = DEFAULT_PARAMS.dims;
const fill = (len: number, seed: number) => Float32Array.from({ length: len }, (_, i) => Math.sin(seed * 3.7 + i * 0.61) * 0.1);
const sizes = [[100, 64], [100, 128], [1_000, 64], [1_000, 128], [5_000, 128]] as const;

const rows: string[] = ['| candidates | history items | plain JS ms | tfjs wasm ms | JS / wasm |', '|---:|---:|---:|---:|---:|'];
const js = await createNodeScorer('js');
const wasm = await createNodeScorer('wasm');
for (const [n, m] of sizes) {
  const input = { dims, n, m, candidates: fill(n * dims, 1), history: fill(m * dims, 2), weights: fill(m, 3), beta: DEFAULT_PARAMS.beta };
  const median = async (score: typeof js.score) => {
    for (let i = 0; i < 3; i++) await score(input);
    const runs: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      await score(input);
      runs.push(performance.now() - t0);
    }
    return runs.sort((a, b) => a - b)[4]!;
  };
  const a = await median((i) => js.score(i));
  const b = await median((i) => wasm.score(i));
  rows.push(`| ${n.toLocaleString('en')} | ${m} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(a / b).toFixed(1)} |`);
}
console.log(rows.join('\n'));
