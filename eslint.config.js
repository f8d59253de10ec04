// Lint for the server (src/), the console (web/), benches and scripts: typescript-eslint's recommended rules, no
// import cycles, and the boundaries docs/ARCHITECTURE.md describes — domain/ does no IO and knows no layer above
// it; features reach platforms only through the connector interface; the console imports no server code (its API
// types are generated into web/src/api/). Formatting is Prettier's (eslint-config-prettier turns style rules off).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const IO_MODULES = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'worker_threads',
  'dgram',
  'dns',
  'tls',
  'cluster',
  'readline',
  'os',
  'process',
].flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', '.bench/**', 'web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    // NodeNext imports name the emitted .js file; resolve them to the .ts source.
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts'], extensionAlias: { '.js': ['.ts', '.tsx', '.d.ts', '.js'] } }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-control-regex': 'off', // control characters are what several validators look for on purpose
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    // Tests and test support may use loose shapes for answers they inspect.
    files: ['**/*.test.ts', 'src/test-support/**', 'src/e2e/**', 'bench/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Migrations are written against the database as it was then, not today's schema types.
    files: ['src/storage/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({ name, message: 'domain/ is pure logic: no IO (do it in a feature or storage)' })),
          patterns: [
            {
              group: ['**/storage/**', '**/features/**', '**/http/**', '**/cli/**', '**/connectors/**', '**/jobs/**', '**/demo/**', '**/context.js'],
              message: 'domain/ knows no layer above it',
            },
            {
              group: ['kysely', 'pg', 'better-sqlite3', 'hono', '@hono/*', 'pino', 'grammy', '@wecom/*'],
              message: 'domain/ is pure logic: no database, HTTP, logging or platform library',
            },
          ],
        },
      ],
      // The shapes of qunyun.yaml are types the rules are written against; the parsing stays in config/.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/config/**'], allowTypeImports: true, message: 'domain/ may name config types, not run config code' }],
        },
      ],
    },
  },
  {
    files: ['src/features/**/*.ts', 'src/jobs/**/*.ts', 'src/http/**/*.ts', 'src/storage/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/connectors/wecom/**', '**/connectors/telegram/**', 'grammy', '@wecom/*'],
              message: 'features reach platforms only through the connector interface (src/connectors/types.ts)',
            },
            { group: ['**/cli/**'], message: 'the CLI uses features, not the other way round' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/features/**', '**/http/**', '**/cli/**', '**/connectors/**', '**/jobs/**'], message: 'storage/ is below every feature' },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          // A path that climbs out of web/ into the server's folders (the server package is not a dependency either).
          patterns: [
            {
              regex: String.raw`^(\.\./)+(src|dist|bin|bench|scripts)/`,
              message: 'the console imports no server code: its API types come from web/src/api/schema.d.ts (scripts/gen-api-types.mjs)',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
