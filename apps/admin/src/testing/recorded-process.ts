/**
 * Test support (resilience suite): an app's real main.ts as a child process whose stdout AND
 * stderr are both recorded (libs/testing's other helpers leave stderr to the terminal), so a
 * spec can search everything a process wrote.
 */
import { once } from 'node:events';
import { spawnApp, stopChild } from '@hub/testing';
import { within } from '@hub/test-kit';

export interface RecordedProcess {
  name: string;
  stdout(): string;
  stderr(): string;
  /** The `url` of the first JSON line whose msg is `message` (e.g. 'api listening'). */
  listeningUrl(message: string): Promise<string>;
  /** Until `predicate` holds for some stdout line, bounded. */
  waitForLine(what: string, predicate: (line: string) => boolean, timeoutMs?: number): Promise<void>;
  /** SIGTERM, SIGKILL if it lingers; resolves once every byte is read. */
  stop(): Promise<void>;
}

export function startRecordedProcess(name: string, main: string, env: NodeJS.ProcessEnv): RecordedProcess {
  // Only what the spec gives: no secret of the test worker's own environment to confuse the search.
  const child = spawnApp(main, { LOG_LEVEL: 'info', ...env }, { stderr: 'pipe', onlyGivenEnv: true });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const waiter of waiters) waiter();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const closed = once(child, 'close');

  const waitForLine = (what: string, predicate: (line: string) => boolean, timeoutMs = 60_000) =>
    within(
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (out.split('\n').some(predicate)) {
            waiters.delete(check);
            resolve();
          }
        };
        waiters.add(check);
        check();
        void closed.then(() => reject(new Error(`${name} ended before ${what}:\n${out}\n${err}`)));
      }),
      () => `${name}: no ${what} within ${timeoutMs} ms:\n${out}\n${err}`,
      timeoutMs,
    );

  return {
    name,
    stdout: () => out,
    stderr: () => err,
    waitForLine,
    listeningUrl: async (message) => {
      await waitForLine(`"${message}"`, (line) => line.includes(`"msg":"${message}"`));
      const line = out.split('\n').find((text) => text.includes(`"msg":"${message}"`)) ?? '{}';
      return String((JSON.parse(line) as { url?: string }).url);
    },
    stop: async () => {
      await stopChild(child);
      await closed;
    },
  };
}
