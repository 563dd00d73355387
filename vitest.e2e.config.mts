import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import root from './vitest.config.mts';

/**
 * `npx nx run admin:e2e`: the admin's browser tests (apps/admin/src/e2e/*.e2e.ts), with the
 * repository's aliases and test databases, and nothing else. Chromium is Debian's
 * /usr/bin/chromium, driven by playwright-core; never a downloaded browser.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: root.resolve,
  test: {
    globalSetup: root.test?.globalSetup,
    include: ['apps/admin/src/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One browser, one flow: the steps build on each other.
    fileParallelism: false,
  },
});
