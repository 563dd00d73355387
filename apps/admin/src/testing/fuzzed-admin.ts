/** Test support (resilience suite): the admin served on 127.0.0.1 for the hostile-input and injection files. */
import { randomBytes } from 'node:crypto';
import { createSessionFactory, type AdminRole, type MikroORM, type SessionFactory } from '@hub/db';
import { createStdoutLogger } from '@hub/logging';
import { createTestDatabase, openTestOrm, type TestDatabase } from '@hub/testing';
import { listenOnLoopback, type FuzzIdentity, type FuzzTarget, type LoopbackServer, type RawRequest } from '@hub/test-kit';
import { createAdminApp } from '../app';
import { findCredentials, insertSession } from '../auth/operators-sql';
import { SESSION_COOKIE, sessionTokenHash } from '../auth/session-cookie';
import { LOGS_FORM_FIELDS } from '../logs/logs-request';
import { startHubApiStandIn, type HubApiStandIn } from './hub-api-stand-in';
import { createTestOperator, postSignIn, sessionCookieOf } from './admin-session';

/** The admin on a fresh database, served on 127.0.0.1, its buttons answered by the API stand-in. */
export interface FuzzedAdmin {
  server: LoopbackServer;
  api: HubApiStandIn;
  sessions: SessionFactory;
  /** Every route the app declares (`METHOD path`), as Hono lists them. */
  routes: { method: string; path: string }[];
  /** A `Cookie` value for a new session of `role`, as a sign-in opens it. */
  sessionCookie(role: AdminRole): Promise<string>;
  close(): Promise<void>;
}

const IDLE_SECONDS = 8 * 60 * 60;
export const FUZZ_OPERATOR = 'fuzz-operator';
export const FUZZ_VIEWER = 'fuzz-viewer';

export async function startFuzzedAdmin(): Promise<FuzzedAdmin> {
  const db: TestDatabase = await createTestDatabase('hub_fuzz_admin');
  const orm: MikroORM = await openTestOrm(db.url);
  const sessions = createSessionFactory(orm);
  const api = await startHubApiStandIn([{ id: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f', code: 'MSK-DC', name: '<script>hubxss(1)</script> склад' }]);
  const app = createAdminApp({
    sessions,
    apiBaseUrl: api.url,
    apiToken: 'fuzz-admin-api-token',
    logger: createStdoutLogger('admin-fuzz', 'silent'),
    timeZone: 'UTC',
  });
  const server = await listenOnLoopback(app.fetch);
  await createTestOperator(sessions, FUZZ_OPERATOR, 'operator');
  await createTestOperator(sessions, FUZZ_VIEWER, 'viewer');
  // One real sign-in over HTTP, to prove the path; the cases then get sessions opened the same way, without the password's cost.
  sessionCookieOf(await postSignIn(app, FUZZ_OPERATOR, 'correct horse battery staple'));
  const ids: Partial<Record<AdminRole, string>> = {};
  for (const [role, username] of [
    ['operator', FUZZ_OPERATOR],
    ['viewer', FUZZ_VIEWER],
  ] as const)
    ids[role] = (await findCredentials(sessions.open(), username))?.id;
  return {
    server,
    api,
    sessions,
    routes: app.routes.filter((route) => route.method !== 'ALL').map(({ method, path }) => ({ method, path })),
    sessionCookie: async (role) => {
      const token = randomBytes(32).toString('base64url');
      await insertSession(sessions.open(), sessionTokenHash(token), ids[role] as string, IDLE_SECONDS);
      return `${SESSION_COOKIE}=${token}`;
    },
    close: async () => {
      await server.close();
      await api.close();
      await orm.close(true);
      await db.drop();
    },
  };
}

/** The query and form fields each page reads, so cases reach past "unknown field" into validation. */
const FIELDS: Record<string, { query: readonly string[]; body: readonly string[] }> = {
  '/login': { query: ['next', 'signed_out'], body: ['username', 'password', 'next'] },
  '/lang': { query: ['to', 'back'], body: [] },
  '/logs': { query: LOGS_FORM_FIELDS, body: [] },
  '/outbox': { query: ['status', 'event_type', 'cursor', 'before'], body: [] },
  '/outbox/:id/retry': { query: [], body: ['status', 'event_type', 'cursor', 'before'] },
  '/runs': { query: ['status', 'trigger', 'cursor', 'before'], body: [] },
  '/runs/new': { query: ['warehouse_id', 'preview', 'trigger', 'trigger_run_id', 'trigger_status'], body: [] },
  '/actions/trigger-replenishment': { query: [], body: ['warehouse_id'] },
};

/** One target per route: Hono lists a route once per handler (`requireOperatorRole()` and the handler are two). */
export function adminTargets(routes: FuzzedAdmin['routes'], knownIds: readonly string[]): FuzzTarget[] {
  const unique = new Map(routes.map((route) => [`${route.method} ${route.path}`, route]));
  return [...unique.values()].map(({ method, path }) => ({ method, path, query: FIELDS[path]?.query ?? [], bodyFields: FIELDS[path]?.body ?? [], knownIds }));
}

/** Adds `cookie` to the made-up cookies of a case, and the page's own Origin unless `origin` says otherwise. */
function withCookie(request: RawRequest, cookie: string | null, origin: string): RawRequest {
  const cookies = [cookie, request.headers?.cookie].filter((value) => value);
  return { ...request, headers: { ...request.headers, origin, ...(cookies.length ? { cookie: cookies.join('; ') } : {}) } };
}

/** Signed-in identities share one session per role; a case that may sign out (POST /logout) gets a session of its own. */
export async function adminIdentities(admin: FuzzedAdmin): Promise<FuzzIdentity[]> {
  const own = admin.server.url;
  const shared = { operator: await admin.sessionCookie('operator'), viewer: await admin.sessionCookie('viewer') };
  const session = async (request: RawRequest, role: AdminRole) => (request.path.startsWith('/logout') ? admin.sessionCookie(role) : shared[role]);
  return [
    { name: 'operator', dress: async (request) => withCookie(request, await session(request, 'operator'), own) },
    { name: 'viewer', dress: async (request) => withCookie(request, await session(request, 'viewer'), own) },
    { name: 'not signed in', dress: (request) => withCookie(request, null, own) },
    { name: 'operator, another site', dress: async (request) => withCookie(request, await session(request, 'operator'), 'http://evil.example') },
  ];
}
