import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTERNAL_ORDER } from '@hub/orders';
import { eventNamesOf } from '@hub/orders/testing';
import { DEAD_EVENT, seedOutboxEvent } from '@hub/outbox/testing';
import { captureStdout, findFreePort, openLoggedTestDatabase, startApiProcess, type ApiProcess, type LoggedTestDatabase } from '@hub/testing';
import { createTestOperator } from '../testing/admin-session';
import { FORM, readAdminVisibleState, serveAdmin, type AdminOverHttp } from '../testing/admin-over-http';

const API_TOKEN = 'admin-http-resilience-token-4c1f9e';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'ALL']);

/** Who sends the request: nobody signed in, a viewer, or an operator (who may change things). */
type Sender = 'nobody' | 'viewer' | 'operator';
interface Attempt {
  name: string;
  sender: Sender;
  /** Headers besides the cookie; `origin: 'own'` is replaced by the admin's own origin. */
  headers: Record<string, string>;
  body?: string;
}

/** Every way a request can lack what a form on the admin's own page carries: its Origin (the admin's CSRF check). */
const FORGED: Attempt[] = [
  { name: 'no Origin, a form body', sender: 'operator', headers: { 'content-type': FORM } },
  { name: "another site's Origin", sender: 'operator', headers: { origin: 'http://evil.example', 'content-type': FORM } },
  { name: 'Origin null (a sandboxed page)', sender: 'operator', headers: { origin: 'null', 'content-type': FORM } },
  { name: 'the admin host on another port', sender: 'operator', headers: { origin: 'http://127.0.0.1:1', 'content-type': FORM } },
  { name: 'Sec-Fetch-Site: cross-site', sender: 'operator', headers: { 'sec-fetch-site': 'cross-site', 'content-type': FORM } },
  { name: 'a JSON body, no Origin', sender: 'operator', headers: { 'content-type': 'application/json' }, body: '{}' },
  { name: 'a multipart body, no Origin', sender: 'operator', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--\r\n' },
  { name: 'no body and no content type', sender: 'operator', headers: {} },
];
const UNAUTHORISED: Attempt[] = [
  { name: 'no session', sender: 'nobody', headers: { origin: 'own', 'content-type': FORM } },
  { name: "a viewer's session", sender: 'viewer', headers: { origin: 'own', 'content-type': FORM } },
];

/** How each mutating route is reached, and which attempts it must refuse. */
interface MutatingRoute {
  path: () => string;
  form: () => Record<string, string>;
  refuses: Attempt[];
}

describe('the admin under direct HTTP requests (no browser)', () => {
  let database: LoggedTestDatabase;
  const stdout = captureStdout('admin');
  let api: ApiProcess;
  let admin: AdminOverHttp;
  let deadId: string;
  const cookies = {} as Record<Exclude<Sender, 'nobody'>, string>;

  const routes: Record<string, MutatingRoute> = {
    'POST /actions/trigger-replenishment': { path: () => '/actions/trigger-replenishment', form: () => ({}), refuses: [...UNAUTHORISED, ...FORGED] },
    'POST /outbox/:id/retry': { path: () => `/outbox/${deadId}/retry`, form: () => ({}), refuses: [...UNAUTHORISED, ...FORGED] },
    // Signing out is anyone's right; a forged sign-out is not (the session must survive it).
    'POST /logout': { path: () => '/logout', form: () => ({}), refuses: FORGED },
    // Signing in needs no session; a forged sign-in (login CSRF) must create none.
    'POST /login': {
      path: () => '/login',
      form: () => ({ username: 'http-operator', password: 'correct horse battery staple', next: '/' }),
      refuses: FORGED.map((attempt) => ({ ...attempt, sender: 'nobody' })),
    },
  };

  beforeAll(async () => {
    database = await openLoggedTestDatabase('hub_test_admin_http', 'admin');
    api = await startApiProcess({
      databaseUrl: database.db.url,
      oneCBaseUrl: `http://127.0.0.1:${await findFreePort()}`,
      env: { API_TOKEN, NODE_ENV: 'production' },
    });
    deadId = await seedOutboxEvent(database.sessions, { ...eventNamesOf(EXTERNAL_ORDER), set: DEAD_EVENT });
    admin = await serveAdmin({ sessions: database.sessions, apiBaseUrl: api.url, apiToken: API_TOKEN, logger: stdout.logger });
    await createTestOperator(database.sessions, 'http-viewer', 'viewer');
    await createTestOperator(database.sessions, 'http-operator', 'operator');
    cookies.viewer = await admin.signIn('http-viewer');
    cookies.operator = await admin.signIn('http-operator');
  });
  afterAll(async () => {
    await admin?.close();
    await api?.stop();
    await database?.close();
  });

  const send = (route: MutatingRoute, attempt: Attempt) => {
    const headers: Record<string, string> = { ...attempt.headers, ...(attempt.headers['origin'] === 'own' ? { origin: admin.origin } : {}) };
    if (attempt.sender !== 'nobody') Object.assign(headers, { cookie: cookies[attempt.sender] });
    const body = attempt.body ?? (headers['content-type'] === FORM ? new URLSearchParams(route.form()).toString() : undefined);
    return admin.send(route.path(), { method: 'POST', headers, ...(body === undefined ? {} : { body }) });
  };

  it("covers every mutating route the admin's router has", () => {
    const mutating = new Set(admin.app.routes.filter((route) => !SAFE_METHODS.has(route.method)).map((route) => `${route.method} ${route.path}`));
    expect([...mutating].sort()).toEqual(Object.keys(routes).sort());
  });

  it('refuses every mutation without a session, from a viewer, or without its own Origin, and changes nothing', async () => {
    let tried = 0;
    for (const [name, route] of Object.entries(routes)) {
      for (const attempt of route.refuses) {
        const before = await readAdminVisibleState(database.sessions);
        const response = await send(route, attempt);
        const page = await response.text();
        const refusal = attempt.sender === 'nobody' && attempt.headers['origin'] === 'own' ? [401, 403] : [403];
        expect([name, attempt.name, response.status], page.slice(0, 300)).toEqual([name, attempt.name, expect.toSatisfy((s: number) => refusal.includes(s))]);
        expect(response.headers.get('set-cookie') ?? '', `${name}, ${attempt.name}`).not.toMatch(/hub_admin_session=[^;]/);
        expect([name, attempt.name, await readAdminVisibleState(database.sessions)]).toEqual([name, attempt.name, before]);
        tried += 1;
      }
    }
    console.info(`admin under direct HTTP: ${Object.keys(routes).length} mutating routes, ${tried} refused attempts, 0 changes`);
  });

  it('lets the same requests through from an operator on its own page (so the refusals above are the checks, not a broken route)', async () => {
    const own = { origin: admin.origin, 'content-type': FORM, cookie: cookies.operator };
    const before = await readAdminVisibleState(database.sessions);
    const triggered = await admin.send('/actions/trigger-replenishment', { method: 'POST', headers: own, body: '' });
    expect([triggered.status, triggered.headers.get('location')]).toEqual([303, expect.stringMatching(/^\/runs\/[0-9a-f-]{36}/)]);
    const retried = await admin.send(`/outbox/${deadId}/retry`, { method: 'POST', headers: own, body: '' });
    expect(retried.status).toBe(303);
    const after = await readAdminVisibleState(database.sessions);
    expect(after).toMatchObject({ runs: before.runs + 1, outbox: 'pending:0', retriesLogged: before.retriesLogged + 1 });
  });

  it("shows a refused API token as a problem to fix, and changes nothing, when the admin's API_TOKEN is wrong", async () => {
    const misconfigured = await serveAdmin({ sessions: database.sessions, apiBaseUrl: api.url, apiToken: 'not-the-api-token-0000', logger: stdout.logger });
    try {
      const cookie = await misconfigured.signIn('http-operator');
      const own = { origin: misconfigured.origin, 'content-type': FORM, cookie };
      const before = await readAdminVisibleState(database.sessions);
      const triggered = await misconfigured.send('/actions/trigger-replenishment', { method: 'POST', headers: own, body: '' });
      expect(triggered.status).toBe(303);
      const page = await (await misconfigured.send(triggered.headers.get('location') ?? '/', { headers: { cookie } })).text();
      expect(page).toContain('API_TOKEN');
      expect(await readAdminVisibleState(database.sessions)).toEqual(before);
    } finally {
      await misconfigured.close();
    }
  });
});
