/**
 * Runs apps/scheduler as a child process against a test database and a sandbox: a real
 * replica, with its own pool and leases, that a spec can stop gracefully or kill -9.
 */
import { hubAppEnv, spawnApp, stopChild, waitForLine } from './app-process';

const SCHEDULER_MAIN = 'apps/scheduler/src/main.ts';

export interface SchedulerProcessOptions {
  databaseUrl: string;
  /** The sandbox's base URL (ONEC_BASE_URL). */
  oneCBaseUrl: string;
  /** More settings, e.g. `{ OUTBOX_INTERVAL_MS: '200', OUTBOX_LEASE_MS: '2000' }`. */
  env?: Record<string, string>;
}

/** A running scheduler replica. */
export interface SchedulerProcess {
  pid: number;
  /** Its GET /metrics when SCHEDULER_METRICS_PORT was set, else null. */
  metricsUrl: string | null;
  /** SIGKILL: the process dies on the spot, mid-delivery, holding its leases. Resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM (SIGKILL if it lingers) and waits for the exit; safe to call twice. */
  stop(): Promise<void>;
}

/** Starts a scheduler and waits for its "scheduler started" line (migrations checked, jobs scheduled). */
export async function startSchedulerProcess(options: SchedulerProcessOptions): Promise<SchedulerProcess> {
  const child = spawnApp(SCHEDULER_MAIN, hubAppEnv(options));
  let metricsUrl: string | null;
  try {
    metricsUrl = await waitForLine(child, 'scheduler', ({ msg, metrics }) =>
      msg === 'scheduler started' ?
        typeof metrics === 'string' ?
          metrics
        : null
      : undefined,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    pid: child.pid ?? -1,
    metricsUrl,
    kill: () => stopChild(child, 'SIGKILL'),
    stop: () => stopChild(child),
  };
}
