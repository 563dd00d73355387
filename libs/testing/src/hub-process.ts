/**
 * Any hub app (api, scheduler, admin) as a child process whose every stdout line is kept, for
 * specs about what a process says and does over its life: retries at start-up, an outage, its exit.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { within } from '@hub/test-kit';
import { parseJsonLine, spawnApp, stopChild } from './app-process';

export type HubApp = 'api' | 'scheduler' | 'admin';

export interface HubProcess {
  pid: number;
  /** Every line it wrote so far, as JSON objects (anything else as `{ text }`). */
  lines(): Record<string, unknown>[];
  /** The first line `match` accepts, written already or to come; fails if the process ends first or after `timeoutMs`. */
  logged(what: string, match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Settles once the process has ended and all it wrote is read. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (SIGKILL if it lingers) and waits for the exit; safe to call twice. */
  stop(): Promise<void>;
}

/** A line whose `msg` starts with `prefix`. */
export const messageStartsWith = (prefix: string) => (line: Record<string, unknown>) => typeof line['msg'] === 'string' && line['msg'].startsWith(prefix);

/** Starts `apps/<app>/src/main.ts` with `env` added, without waiting for anything. */
export function spawnHubProcess(app: HubApp, env: NodeJS.ProcessEnv): HubProcess {
  const child = spawnApp(`apps/${app}/src/main.ts`, { LOG_LEVEL: 'info', ...env });
  // 'close', not 'exit': only then has every line been read.
  const ended = (once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>).then(([code, signal]) => ({ code, signal }));
  const written: Record<string, unknown>[] = [];
  const reader = createInterface({ input: child.stdout! });
  reader.on('line', (line) => written.push(parseJsonLine(line) ?? { text: line }));
  const describe = () => written.map((line) => JSON.stringify(line)).join('\n');

  const logged: HubProcess['logged'] = (what, match, timeoutMs) => {
    const found = new Promise<Record<string, unknown>>((resolve, reject) => {
      const already = written.find(match);
      if (already) return resolve(already);
      const check = () => {
        const last = written.at(-1);
        if (last === undefined || !match(last)) return;
        reader.off('line', check);
        resolve(last);
      };
      reader.on('line', check);
      void ended.then(({ code, signal }) => reject(new Error(`${app} ended (${signal ?? `code ${code}`}) before it logged ${what}; it wrote:\n${describe()}`)));
    });
    return within(found, () => `${app} never logged ${what}; it wrote:\n${describe()}`, timeoutMs);
  };

  return { pid: child.pid ?? -1, lines: () => [...written], logged, ended, stop: () => stopChild(child) };
}
