/** Long enough for any step on a loaded machine, well short of a test's own 60 s timeout. */
export const DEFAULT_WAIT_MS = 15_000;

/**
 * `event` (a promise for something the spec waits on: a line, a request, an exit), bounded:
 * rejects after `timeoutMs` with `what` — read only then, so it can report what was seen by
 * that time — instead of letting the test hang until its own timeout.
 */
export async function within<T>(event: Promise<T>, what: string | (() => string), timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms, but ${typeof what === 'string' ? what : what()}`)), timeoutMs);
  });
  try {
    return await Promise.race([event, expired]);
  } finally {
    clearTimeout(timer);
  }
}
