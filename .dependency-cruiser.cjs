// Import rules checked by `npm run lint:deps` (part of `npm test`). Type-only imports count:
// a cycle through types still ties two modules' meanings together.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Modules form a tree: a cycle (type-only imports included) means two concepts live in one place.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-environment-free',
      comment: 'src/core runs in a worker, in Node and in tests: it imports no page, worker or tool code.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(src/(page|worker)/|tools/)' },
    },
    {
      name: 'core-imports-no-packages',
      comment: 'src/core has no runtime dependency; tfjs types are the one exception (the tfjs scorer takes tf injected).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypesNot: ['type-only'], path: 'node_modules' },
    },
    {
      name: 'library-not-from-tools',
      comment: 'The published source never reaches into the Node tools.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^tools/' },
    },
    {
      name: 'page-not-from-worker',
      comment: 'The page side talks to the worker only through the protocol types in src/core/wire.',
      severity: 'error',
      from: { path: '^src/page/' },
      to: { path: '^src/worker/' },
    },
    {
      name: 'worker-not-from-page',
      severity: 'error',
      from: { path: '^src/worker/' },
      to: { path: '^src/page/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|demo/dist|tools/bench/out)/' },
  },
};
