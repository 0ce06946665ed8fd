// The one test command (`npm test`): builds dist/ (browser tests run against what ships),
// runs the Node unit tests and the Playwright browser tests, and ends with the line
// "N passed, N failed" that CI reads. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
mkdirSync('test-results', { recursive: true });

if (run('npm', ['run', 'build']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// Size budgets of the built files (tools/bench/perf/size-budgets.json), the type check (the
// environment-free core compiled without DOM or Node types too) and the linter (with its
// import-cycle and layering rules) count as one check each.
const checks = {
  'size budgets': run('npx', ['tsx', 'tools/bench/perf/size.ts']),
  typecheck: run('npm', ['run', 'typecheck']),
  lint: run('npm', ['run', 'lint']),
};

const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
const browserStatus = run('npx', ['playwright', 'test']);

function counts(file, pick) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, missing: true };
  return pick(JSON.parse(readFileSync(file, 'utf8')));
}
const unit = counts('test-results/unit.json', (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) }));
const browser = counts('test-results/browser.json', (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped }));

const checkNames = Object.keys(checks);
const checksFailed = checkNames.filter((name) => checks[name] !== 0);
const passed = unit.passed + browser.passed + checkNames.length - checksFailed.length;
// A runner that crashed without reporting counts as one failure, so it can never look green.
const failed = checksFailed.length + unit.failed + browser.failed + (unitStatus !== 0 && unit.failed === 0 ? 1 : 0) + (browserStatus !== 0 && browser.failed === 0 ? 1 : 0);
const skipped = unit.skipped + browser.skipped;
console.log(`\nchecks: ${checkNames.map((name) => `${name} ${checks[name] === 0 ? 'ok' : 'FAILED'}`).join(', ')}; unit: ${unit.passed} passed, ${unit.failed} failed; browser: ${browser.passed} passed, ${browser.failed} failed`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
