import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'bench/data/**', 'sample/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The engine stays pure (STYLE.md): no Node, DOM, Excel or Slack, no clock, no unseeded randomness.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'fs',
            'path',
            'os',
            'child_process',
            'exceljs',
            'better-sqlite3',
            '@slack/*',
            'udsv',
            '../io/*',
            '../../io/*',
            '../cli/*',
            '../../cli/*',
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core is deterministic: pass asOf/today as parameters.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'core is deterministic: use createRng(seed).',
        },
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'core has no clock or time zone: use day numbers (core/parse/civil-day.ts).',
        },
      ],
    },
  },
  // Issue 14 allow-lists (test/boundaries/imports.test.ts is the gate; this flags it in the editor).
  ...[
    {
      files: ['io/**/*.ts'],
      banned: ['bot', 'cli', 'addin', 'bench'],
      packages: ['@slack/*', 'better-sqlite3', 'croner'],
    },
    {
      files: ['addin/**/*.ts'],
      ignores: ['addin/tools/**', 'addin/vite.config.ts'],
      banned: ['io', 'bot', 'cli', 'bench'],
      packages: ['node:*', '@slack/*', 'better-sqlite3', 'croner', 'exceljs'],
    },
    { files: ['bot/**/*.ts'], banned: ['cli', 'addin', 'bench'], packages: ['exceljs', 'udsv'] },
    {
      files: ['warehouse/**/*.ts'],
      banned: ['bot', 'cli', 'addin', 'bench'],
      packages: ['@slack/*', 'better-sqlite3', 'croner', 'exceljs'],
    },
    { files: ['cli/**/*.ts', 'bench/**/*.ts'], banned: [], packages: [] },
  ].map(({ files, ignores = [], banned, packages }) => ({
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...banned.map((part) => ({
              regex: `^(\\.\\./)+${part}/`,
              message: `${files[0].split('/')[0]} may not import ${part} (issue 14).`,
            })),
            ...packages.map((name) => ({ group: [name], message: 'not in this folder’s allow-list (issue 14).' })),
            { regex: '^(\\.\\./)+core/(?!index\\.js$)', message: 'import core through core/index.ts.' },
            { regex: '^(\\.\\./)+bot/(?!index\\.js$)', message: 'import the bot through bot/index.ts.' },
          ],
        },
      ],
    },
  })),
);
