import { describe, expect, it } from 'vitest';
import { createStdoutLogger } from '@hub/logging';
import { useTestOrm } from '@hub/testing';
import { createAdminApp, type AdminAppDeps } from '../app';
import { followRedirect, postForm } from '../testing/admin-forms';
import { createTestOperator, postSignIn, sessionCookieOf, signedInAdmin, TEST_PASSWORD } from '../testing/admin-session';
import { unusedLocalUrl } from '../testing/hub-api-stand-in';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { disableOperator } from './operators-sql';
import { createSignInThrottle } from './sign-in-throttle';

const silent = createStdoutLogger('admin-test', 'silent');

describe('signing in to the admin', () => {
  const database = useTestOrm();
  const deps = async (extra: Partial<AdminAppDeps> = {}): Promise<AdminAppDeps> => ({
    sessions: database.sessions,
    apiBaseUrl: await unusedLocalUrl(),
    logger: silent,
    ...extra,
  });

  it.each(['/logs', '/runs', '/outbox', '/', '/runs/not-a-uuid', '/no-such-page'])(
    'sends GET %s to the sign-in page, and back there afterwards',
    async (path) => {
      const app = createAdminApp(await deps());
      const response = await app.request(`http://localhost${path}`);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`);
    },
  );

  it('refuses every form post without a session with 401, doing nothing', async () => {
    const app = createAdminApp(await deps());
    for (const path of ['/actions/trigger-replenishment', `/outbox/${crypto.randomUUID()}/retry`]) {
      const response = await app.request(`http://localhost${path}`, {
        method: 'POST',
        headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      });
      expect(response.status).toBe(401);
      // A browser with no language cookie reads Russian.
      expect(await response.text()).toContain(ru.signIn.expired);
    }
  });

  it('serves the health check, the sign-in page and its own stylesheet and script without a session', async () => {
    const app = createAdminApp(await deps());
    expect((await app.request('http://localhost/health')).status).toBe(200);
    const signInPage = await app.request('http://localhost/login?next=/outbox');
    expect(signInPage.status).toBe(200);
    const body = await signInPage.text();
    expect(body).toContain('<form method="post" action="/login" class="sign-in">');
    expect(body).toContain('<input type="hidden" name="next" value="/outbox" />');
    expect(body).not.toContain('<nav>');
    const css = await app.request('http://localhost/assets/admin.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const script = await app.request('http://localhost/assets/admin.js');
    expect(await script.text()).toContain('navigator.clipboard');
  });

  it('signs in with the right password: an HttpOnly, SameSite=Lax session cookie, then back to the page asked for', async () => {
    const app = createAdminApp(await deps());
    await createTestOperator(database.sessions, 'marina.k');
    const response = await postSignIn(app, 'Marina.K', TEST_PASSWORD, '/outbox?status=dead');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/outbox?status=dead');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^hub_admin_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const page = await app.request('http://localhost/outbox', { headers: { cookie: sessionCookieOf(response) } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<span class="who">marina.k · ${ru.app.roles.operator}</span>`);
    // Only the token's hash is stored.
    const [stored] = await database.sessions.open().execute<{ token_hash: string }[]>('select token_hash from admin_sessions');
    expect(setCookie).not.toContain(stored?.token_hash);
  });

  it('marks the cookie Secure when told to', async () => {
    const app = createAdminApp(await deps({ secureCookie: true }));
    await createTestOperator(database.sessions, 'secure.op');
    const response = await postSignIn(app, 'secure.op', TEST_PASSWORD);
    expect(response.headers.get('set-cookie')).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
  });

  it('refuses a wrong password, an unknown user and a disabled one alike, with 401 and no cookie', async () => {
    const app = createAdminApp(await deps());
    await createTestOperator(database.sessions, 'olga');
    await createTestOperator(database.sessions, 'gone');
    await disableOperator(database.sessions.open(), 'gone');
    for (const [username, password] of [
      ['olga', 'not the password'],
      ['nobody', TEST_PASSWORD],
      ['gone', TEST_PASSWORD],
    ] as const) {
      const response = await postSignIn(app, username, password);
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      const body = await response.text();
      expect(body).toContain(ru.signIn.refused);
      expect(body).toContain(`value="${username}"`);
    }
  });

  it('goes back only to a path of the admin, never to another site', async () => {
    const app = createAdminApp(await deps());
    await createTestOperator(database.sessions, 'redirected');
    for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const response = await postSignIn(app, 'redirected', TEST_PASSWORD, next);
      expect(response.headers.get('location')).toBe('/');
    }
  });

  it('refuses a sign-in form posted from another site (CSRF)', async () => {
    const app = createAdminApp(await deps());
    const response = await app.request('http://localhost/login', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'test-operator', password: TEST_PASSWORD }).toString(),
    });
    expect(response.status).toBe(403);
  });

  it('throttles a username after 5 failures, even with the right password, until the window passes', async () => {
    let now = 1_000_000;
    const app = createAdminApp(await deps({ throttle: createSignInThrottle(undefined, () => now) }));
    await createTestOperator(database.sessions, 'tried');
    for (let attempt = 0; attempt < 5; attempt++) expect((await postSignIn(app, 'tried', 'guess')).status).toBe(401);
    const throttled = await postSignIn(app, 'tried', TEST_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('900');
    expect(await throttled.text()).toContain(ru.signIn.throttled(15));
    now += 15 * 60 * 1000;
    expect((await postSignIn(app, 'tried', TEST_PASSWORD)).status).toBe(303);
  });

  it('throttles an address after 20 failures across usernames', async () => {
    const app = createAdminApp(await deps({ throttle: createSignInThrottle(undefined, () => 0) }));
    await createTestOperator(database.sessions, 'innocent');
    for (let attempt = 0; attempt < 20; attempt++) expect((await postSignIn(app, `user${attempt}`, 'guess')).status).toBe(401);
    expect((await postSignIn(app, 'innocent', TEST_PASSWORD)).status).toBe(429);
  });

  it('logs out: the session is gone from the database and the cookie no longer opens a page', async () => {
    const admin = await signedInAdmin(await deps(), 'viewer', 'leaving');
    const response = await postForm(admin, '/logout');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?signed_out=1');
    expect(response.headers.get('set-cookie')).toMatch(/^hub_admin_session=; Max-Age=0/);
    expect((await admin.request('http://localhost/logs')).status).toBe(303);
  });

  it('ends a session idle for longer than the timeout, and one whose operator was disabled', async () => {
    const idle = await signedInAdmin(await deps({ sessionIdleMinutes: 60 }), 'viewer', 'idle.op');
    expect((await idle.request('http://localhost/logs')).status).toBe(200);
    await database.sessions.open().execute(
      `update admin_sessions set last_seen_at = last_seen_at - interval '61 minutes'
       where operator_id = (select id from admin_operators where username = 'idle.op')`,
    );
    const expired = await idle.request('http://localhost/logs');
    expect(expired.status).toBe(303);
    expect(expired.headers.get('set-cookie')).toMatch(/^hub_admin_session=; Max-Age=0/);

    const disabled = await signedInAdmin(await deps(), 'operator', 'disabled.op');
    await disableOperator(database.sessions.open(), 'disabled.op');
    expect((await disabled.request('http://localhost/logs')).status).toBe(303);
  });

  it('keeps a session used within the timeout alive: each request starts the idle time again', async () => {
    const busy = await signedInAdmin(await deps({ sessionIdleMinutes: 60 }), 'viewer', 'busy.op');
    await database.sessions.open().execute(
      `update admin_sessions set last_seen_at = last_seen_at - interval '59 minutes'
       where operator_id = (select id from admin_operators where username = 'busy.op')`,
    );
    expect((await busy.request('http://localhost/logs')).status).toBe(200);
    const [session] = await database.sessions.open().execute<{ fresh: boolean }[]>(
      `select last_seen_at > now() - interval '1 minute' as fresh from admin_sessions
       where operator_id = (select id from admin_operators where username = 'busy.op')`,
    );
    expect(session?.fresh).toBe(true);
  });
});

describe('roles', () => {
  const database = useTestOrm();

  it("answers a viewer's trigger and retry with 403, calling nothing, and shows a viewer no buttons", async () => {
    // Nothing listens on the API's address: a call would show as "unreachable", not 403.
    const viewer = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: await unusedLocalUrl(), logger: silent }, 'viewer');
    for (const path of ['/actions/trigger-replenishment', `/outbox/${crypto.randomUUID()}/retry`]) {
      const response = await postForm(viewer, path);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain(en.signIn.forbidden);
    }
    const logs = await (await viewer.request('http://localhost/logs')).text();
    expect(logs).toContain('<span class="who">test-viewer · viewer</span>');
  });

  it('lets an operator press the trigger', async () => {
    const operator = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: await unusedLocalUrl(), logger: silent });
    const { location } = await followRedirect(operator, await postForm(operator, '/actions/trigger-replenishment'));
    expect(location).toBe('/runs/new?trigger=unreachable');
  });
});

describe('security headers and limits', () => {
  const database = useTestOrm();

  it('sends a CSP without inline script, forbids framing and sniffing, and keeps the Referer in the admin', async () => {
    const admin = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: await unusedLocalUrl(), logger: silent }, 'viewer');
    for (const response of [await admin.request('http://localhost/logs'), await admin.app.request('http://localhost/login')]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const body = await response.text();
      expect(body).not.toMatch(/<script>|<style>|\sstyle="|\son[a-z]+="/);
    }
  });

  it('refuses a form post over 16 KiB with 413', async () => {
    const admin = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: await unusedLocalUrl(), logger: silent });
    const response = await postForm(admin, '/actions/trigger-replenishment', { warehouse_id: 'x'.repeat(17 * 1024) });
    expect(response.status).toBe(413);
  });
});
