import { setTimeout as sleep } from 'node:timers/promises';

const POLL_INTERVAL_MS = 50;

/**
 * Polls `check` until it returns a value (anything but undefined), or fails after `timeoutMs`
 * with `describe`'s account of what never happened and where things stand. For what a spec
 * can only see by looking (a row, a process's state); a signal it controls is a `latch`.
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  describe: string | (() => Promise<string> | string),
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) {
      throw new Error(`gave up after ${timeoutMs} ms: ${typeof describe === 'string' ? describe : await describe()}`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
}
