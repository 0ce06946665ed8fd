/**
 * The command line of `tsx tools/bench/perf.ts`, read once:
 *
 *   [--quick] [--only=latency,baseline,cold,main,memory,sizes] [--backends=auto,wasm,…] [--dist=path] [--no-guard]
 */
export const args = process.argv.slice(2);
export const quick = args.includes('--quick');
/** The ratio guard (guard.ts) prints either way; without it a ratio over its limit does not set the exit code. */
export const guardEnforced = !args.includes('--no-guard') && !['1', 'true'].includes(process.env.HEARTH_BENCH_NO_GUARD ?? '');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
/** Whether a section runs in this invocation (all of them without --only). */
export const runs = (section: string) => !only || only.includes(section);
/** Another build to serve as dist/ (an A/B against a saved earlier build, back to back). */
export const distArg = args.find((a) => a.startsWith('--dist='))?.slice('--dist='.length) ?? 'dist';

const ALL_BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
const backendArg = args.find((a) => a.startsWith('--backends='))?.slice('--backends='.length).split(',');
export const BACKENDS = ALL_BACKENDS.filter((b) => !backendArg || backendArg.includes(b));
export const CANDIDATES = [20, 100, 1000] as const;
export const HISTORIES = [50, 200, 10_000] as const;

/** Each latency cell: samples for `budgetMs`, at least `minIters` and at most `maxIters` of them. */
export const cellOptions = { budgetMs: quick ? 600 : 2_000, maxIters: quick ? 40 : 300, minIters: quick ? 5 : 15 };
export type CellOptions = typeof cellOptions;
