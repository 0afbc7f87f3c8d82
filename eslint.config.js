// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The store is asynchronous (SQLite or PostgreSQL behind one interface): a promise that is
    // not awaited is a decision that may not have happened.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.check.json'], tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/analyser/**/*.ts'],
    rules: {
      // The analyser is pure: no files, no process, no servers (STYLE.md, principle 1).
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'node:fs', 'process', 'node:process', 'express', 'better-sqlite3', 'child_process'],
          patterns: [{ group: ['**/cli', '**/cli/**', '**/web', '**/web/**', '**/store', '**/store/**'] }],
        },
      ],
      'no-restricted-globals': ['error', 'process'],
    },
  },
  {
    // SQL lives in src/store only (STYLE.md, principle 10); the store knows nothing of HTTP.
    files: ['src/cli/**/*.ts', 'src/web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['better-sqlite3'] }] },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['express'], patterns: [{ group: ['**/cli', '**/cli/**', '**/web', '**/web/**'] }] },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The pages' small scripts run in the browser, as plain scripts.
    files: ['src/web/public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        FormData: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
  },
);
