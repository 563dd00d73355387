import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * A registry of this process's metrics, starting with prom-client's defaults: CPU, memory,
 * handles, GC durations and event-loop lag (`process_*`, `nodejs_*`). One per app (not
 * prom-client's global one), so tests can hold several apps in one process.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/**
 * The registry in the Prometheus text format as scrapers read it strictly: no blank lines between
 * families, and no sample without a value yet (prom-client writes `Nan` for event-loop lag
 * statistics before the first measurement, which is no number a strict parser takes).
 */
export async function exposition(registry: Registry): Promise<string> {
  const lines = (await registry.metrics()).split('\n').filter((line) => line !== '' && !/ Nan$/i.test(line));
  return `${lines.join('\n')}\n`;
}

/** A listener serving one registry. */
export interface MetricsServer {
  /** e.g. http://127.0.0.1:9464/metrics */
  url: string;
  server: Server;
}

/**
 * Serves `GET /metrics` (the Prometheus text format) from `registry` on `host:port` (0 picks a
 * free port), for a process that has no HTTP server of its own; anything else is a 404.
 */
export async function serveMetrics(registry: Registry, options: { host: string; port: number }): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Only GET /metrics is served here\n');
      return;
    }
    exposition(registry).then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`Metrics unavailable: ${String(error)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return { url: `http://${host}:${port}/metrics`, server };
}
