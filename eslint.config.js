// Lint with type information (typescript-eslint): promises that nobody awaits, unused code,
// `any` in the published source, and the size limits that keep files and functions readable.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const sizeLimits = {
  // A file past 300 lines or a function past 80 says why in a disable comment (`-- reason`).
  'max-lines': ['error', { max: 300 }],
  'max-lines-per-function': ['error', { max: 80 }],
};

export default tseslint.config(
  { ignores: ['dist/', 'demo/dist/', 'examples/', 'node_modules/', 'test-results/', 'tools/bench/out/', 'playwright-report/', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Methods that implement a Promise-returning interface stay async without awaiting: a
      // synchronous throw then reaches the caller as a rejection, which the page contract needs.
      '@typescript-eslint/require-await': 'off',
      // A `let` read by a closure before its one assignment (a callback wired up first) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Tests read untyped JSON and page.evaluate results on purpose, and Playwright fixtures take
    // an empty object pattern by design.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      'no-empty-pattern': 'off',
    },
  },
  { files: ['src/**/*.ts', 'src/**/*.tsx', 'tools/**/*.ts', 'scripts/**/*.ts', 'demo/**/*.ts'], rules: sizeLimits },
);
