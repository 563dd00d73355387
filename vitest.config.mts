import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const __dirname = fileURLToPath(new URL('.', import.meta.url));

const { compilerOptions } = JSON.parse(readFileSync(resolve(__dirname, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, [string]> };
};
/**
 * The same `@hub/*` aliases TypeScript, tsx and esbuild read from tsconfig.base.json, matched
 * whole: a plain string alias would also catch `@hub/outbox/testing` as `@hub/outbox` + `/testing`.
 */
const alias = Object.entries(compilerOptions.paths).map(([name, [target]]) => ({
  find: new RegExp(`^${name.replaceAll('/', '\\/')}$`),
  replacement: resolve(__dirname, target),
}));
const projects = [
  'apps/api',
  'apps/scheduler',
  'apps/admin',
  'apps/sandbox',
  'libs/db',
  'libs/logging',
  'libs/migrations',
  'libs/outbox',
  'libs/orders',
  'libs/replenishment',
  'libs/integrations',
  'libs/runtime',
  'libs/api-contract',
  'libs/testing',
  'libs/test-kit',
];

export default defineConfig({
  resolve: { alias },
  test: {
    globalSetup: [resolve(__dirname, 'libs/testing/src/global-setup.ts')],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // No `extends: true`: a project inheriting globalSetup runs it again, one template
    // database (and, without TEST_DATABASE_URL, one embedded server) per project.
    projects: projects.map((root) => ({
      resolve: { alias },
      test: {
        name: root.split('/')[1],
        include: [`${root}/src/**/*.spec.ts`],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        pool: 'forks',
      },
    })),
  },
});
