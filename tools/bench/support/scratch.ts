/**
 * The benches' database server and scratch databases. Server: BENCH_DATABASE_URL, else
 * DATABASE_URL, else the embedded PostgreSQL (started on demand, stopped by stopBenchServer).
 * Every scratch database is created by the bench that uses it and dropped when it is done.
 */
import { resolveDatabaseUrl, stopEmbeddedServers } from '@hub/db';
// Not @hub/testing's index: it pulls in vitest, which only loads inside the test runner.
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../../../libs/testing/src/server';

let serverUrl: Promise<string> | undefined;

/** The server every bench of this process uses (one resolution, one embedded server at most). */
export function benchServerUrl(): Promise<string> {
  const configured = process.env['BENCH_DATABASE_URL']?.trim();
  serverUrl ??= resolveDatabaseUrl(configured ? { ...process.env, DATABASE_URL: configured } : process.env);
  return serverUrl;
}

export async function stopBenchServer(): Promise<void> {
  await stopEmbeddedServers();
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new database `hub_bench_<purpose>_…` on the bench server, optionally a copy of `template`. */
export async function createScratchDatabase(purpose: string, template?: string): Promise<ScratchDatabase> {
  const server = await benchServerUrl();
  const name = uniqueDatabaseName(`hub_bench_${purpose}`);
  const url = await createDatabase(server, name, template);
  return { name, url, drop: () => dropDatabase(server, name) };
}

/** Runs `work` with a scratch database that is dropped afterwards, whatever happens. */
export async function withScratchDatabase<T>(purpose: string, work: (db: ScratchDatabase) => Promise<T>, template?: string): Promise<T> {
  const db = await createScratchDatabase(purpose, template);
  try {
    return await work(db);
  } finally {
    await db.drop();
  }
}
