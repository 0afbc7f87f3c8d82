// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/analyser/**/*.ts'],
    rules: {
      // The analyser is pure: no files, no process, no servers (STYLE.md, principle 1).
      'no-restricted-imports': [
        'error',
        { paths: ['fs', 'node:fs', 'process', 'node:process', 'express', 'better-sqlite3', 'child_process'] },
      ],
      'no-restricted-globals': ['error', 'process'],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
