import { StartRefusal } from './env-config';

/**
 * The part of a pino logger the lifecycle helpers write to (the apps' stdout logger fits);
 * named here so this lib needs no logging lib, and with it no database.
 */
export interface ProcessLogger {
  error(fields: object, message: string): void;
  fatal(fields: object, message: string): void;
}

/** What @hono/node-server's `serve` returns, HTTP/1 or HTTP/2. */
interface ClosableServer {
  close(callback?: (error?: Error) => void): unknown;
}

export interface CloseOptions {
  /** Resolve after this long even if requests are still in progress. */
  graceMs?: number;
  /** Cut requests in progress too (a test double has no work worth waiting for). */
  dropActive?: boolean;
}

/**
 * Stops on SIGTERM or SIGINT by running `stop` once, then exits 0 (1 if it threw).
 * Ctrl+C under `npm run dev` delivers both the terminal's SIGINT and dev's SIGTERM.
 */
export function stopOnSignals(name: string, logger: ProcessLogger, stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping: Promise<void> | undefined;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopping ??= stop(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, `${name} did not stop cleanly`);
          process.exit(1);
        },
      );
    });
  }
}

/**
 * Logs why `name` could not start and exits 1. A setting to fix, or any other StartRefusal, gets its one line; anything
 * else keeps its stack for whoever debugs it. Exiting outright matters: an embedded
 * database or a half-open pool would otherwise keep the process alive.
 */
export function exitOnStartFailure(name: string, logger: ProcessLogger, error: unknown): never {
  const reason = error instanceof Error ? error.message : String(error);
  logger.fatal(error instanceof StartRefusal ? {} : { err: error }, `${name} failed to start: ${reason}`);
  process.exit(1);
}

/**
 * Stops accepting connections and resolves when the requests in progress are done (or
 * after `graceMs`). Idle keep-alive connections are closed, since they would hold it open.
 */
export async function closeHttpServer(server: ClosableServer, { graceMs, dropActive = false }: CloseOptions = {}): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  const closeConnections = dropActive ? 'closeAllConnections' : 'closeIdleConnections';
  if (closeConnections in server) (server as unknown as Record<typeof closeConnections, () => void>)[closeConnections]();
  if (graceMs === undefined) return closed;
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
  await Promise.race([closed, grace]).finally(() => clearTimeout(timer));
}
