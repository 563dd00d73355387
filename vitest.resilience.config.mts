import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import root from './vitest.config.mts';

/**
 * `npm run test:resilience`: the reliability and security suite (`**\/src/**\/*.resilience.ts`).
 * It drives the real processes on 127.0.0.1 (database outages, crashes, hostile input), so its
 * files run one at a time: each owns the machine's ports and cores while it injects its faults.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: root.resolve,
  test: {
    globalSetup: root.test?.globalSetup,
    include: ['apps/*/src/**/*.resilience.ts', 'libs/*/src/**/*.resilience.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
