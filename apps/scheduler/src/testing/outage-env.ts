/** Test support (imported by the outage suite only): an api and a scheduler process on a cluster the suite stops and starts. */
import { Client } from 'pg';
import { hubAppEnv, type EmbeddedCluster, type SandboxProcess } from '@hub/testing';

/** One query on a connection of its own: the suite's reads must not depend on a pool across the outage. */
export async function query<T>(cluster: EmbeddedCluster, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: cluster.url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The settings both processes start with: the cluster, the sandbox as 1С and МойСклад, loopback ports the OS picks. */
export function outageAppEnv(cluster: EmbeddedCluster, sandbox: SandboxProcess, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...hubAppEnv({ databaseUrl: cluster.url, oneCBaseUrl: sandbox.baseUrl }),
    MOYSKLAD_BASE_URL: sandbox.baseUrl,
    API_HOST: '127.0.0.1',
    API_PORT: '0',
    ...env,
  };
}

/** A sample's value in a Prometheus text exposition (`name{labels} value`); 0 when absent. */
export function sample(exposition: string, series: string): number {
  const line = exposition.split('\n').find((each) => each.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

export async function scrape(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}
