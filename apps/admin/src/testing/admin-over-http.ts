/** Test support (resilience suite): the admin on a real port, spoken to as curl would, with no browser. */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { SessionFactory } from '@hub/db';
import { closeHttpServer } from '@hub/runtime';
import { createAdminApp, type AdminAppDeps } from '../app';
import { TEST_PASSWORD } from './admin-session';

export const FORM = 'application/x-www-form-urlencoded';

export interface AdminOverHttp {
  /** e.g. http://127.0.0.1:43123: what a browser on the admin's own pages sends as Origin. */
  origin: string;
  app: ReturnType<typeof createAdminApp>;
  /** One request, redirects not followed. */
  send(path: string, init?: RequestInit): Promise<Response>;
  /** Signs in with TEST_PASSWORD as the sign-in page would; returns the session cookie (`name=value`). */
  signIn(username: string): Promise<string>;
  close(): Promise<void>;
}

export async function serveAdmin(deps: AdminAppDeps): Promise<AdminOverHttp> {
  const app = createAdminApp({ timeZone: 'UTC', ...deps });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const send = (path: string, init: RequestInit = {}) => fetch(`${origin}${path}`, { redirect: 'manual', ...init });
  return {
    origin,
    app,
    send,
    signIn: async (username) => {
      const response = await send('/login', {
        method: 'POST',
        headers: { origin, 'content-type': FORM },
        body: new URLSearchParams({ username, password: TEST_PASSWORD, next: '/' }).toString(),
      });
      await response.arrayBuffer();
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      if (response.status !== 303 || !cookie.startsWith('hub_admin_session=')) throw new Error(`${username} could not sign in: HTTP ${response.status}`);
      return cookie;
    },
    close: () => closeHttpServer(server, { dropActive: true }),
  };
}

/** What a mutation through the admin could change, as the database has it. */
export interface AdminVisibleState {
  runs: number;
  outbox: string;
  retriesLogged: number;
  operators: string;
  sessions: number;
}

export async function readAdminVisibleState(sessions: SessionFactory): Promise<AdminVisibleState> {
  const [row] = await sessions.open().execute<AdminVisibleState[]>(
    `select (select count(*)::int from replenishment_runs) as runs,
       (select coalesce(string_agg(status || ':' || attempts, ',' order by id), '') from outbox_events) as outbox,
       (select count(*)::int from integration_logs where step = 'outbox_retry') as "retriesLogged",
       (select coalesce(string_agg(username || ':' || role || ':' || password_hash || ':' || (disabled_at is null), ',' order by username), '') from admin_operators) as operators,
       (select count(*)::int from admin_sessions) as sessions`,
    [],
    'all',
  );
  if (!row) throw new Error('no state row');
  return row;
}
