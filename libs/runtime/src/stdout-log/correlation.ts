import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Correlation ids of the work in progress: a replenishment run, an HTTP request,
 * a scheduler job. Every log line written inside `withLogContext` carries them.
 */
export interface LogContext {
  runId?: string | null;
  requestId?: string | null;
  jobId?: string | null;
  jobName?: string | null;
}

/** The keys of `LogContext`, in the order log lines print them. */
export const LOG_CONTEXT_KEYS = ['runId', 'requestId', 'jobId', 'jobName'] as const satisfies readonly (keyof LogContext)[];

const storage = new AsyncLocalStorage<LogContext>();

/**
 * Runs `work` with `context` as the current log context, across every `await`
 * and callback it starts. Nested calls merge over the outer context: a key left
 * `undefined` inherits the outer value, a key set to `null` clears it.
 */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  const merged: LogContext = { ...storage.getStore() };
  for (const key of LOG_CONTEXT_KEYS) {
    const value = context[key];
    if (value !== undefined) merged[key] = value;
  }
  return storage.run(merged, work);
}

/** The current log context; a copy, so changing it does not leak into other work. */
export function currentLogContext(): LogContext {
  return { ...storage.getStore() };
}
