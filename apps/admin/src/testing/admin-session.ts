/** Test support (specs only): the admin app with a signed-in operator, as a browser holding its cookie. */
import { expect } from 'vitest';
import type { AdminRole, SessionFactory } from '@hub/db';
import { createAdminApp, type AdminAppDeps } from '../app';
import { hashPassword } from '../auth/password-hash';
import { upsertOperator } from '../auth/operators-sql';
import { LANG_COOKIE, type Lang } from '../i18n/messages';

export type AdminApp = ReturnType<typeof createAdminApp>;

/** The password every test account has. */
export const TEST_PASSWORD = 'correct horse battery staple';
let testPasswordHash: Promise<string> | undefined;

/** The admin as a signed-in browser sees it: every request carries the session cookie. */
export interface SignedInAdmin {
  app: AdminApp;
  username: string;
  /** The `cookie` header the browser sends. */
  cookie: string;
  request(url: string, init?: RequestInit): Promise<Response>;
}

/** Creates (or resets) `username` with TEST_PASSWORD and `role`. */
export async function createTestOperator(sessions: SessionFactory, username: string, role: AdminRole = 'operator'): Promise<void> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  await upsertOperator(sessions.open(), username, role, await testPasswordHash);
}

/** Posts the sign-in form as a browser on the admin's page would; returns the answer. */
export async function postSignIn(app: AdminApp, username: string, password: string, next = '/'): Promise<Response> {
  return app.request('http://localhost/login', {
    method: 'POST',
    headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, next }).toString(),
  });
}

/** The `name=value` of the response's session cookie. */
export function sessionCookieOf(response: Response): string {
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^hub_admin_session=./);
  return cookie;
}

/**
 * The admin app on `deps` (times in UTC unless `deps.timeZone` says otherwise), signed in as
 * `username` (created with `role`), its browser holding the `lang` cookie for `lang`: specs
 * about a page's content read it in English unless they are about the language (i18n/).
 */
export async function signedInAdmin(
  deps: AdminAppDeps,
  role: AdminRole = 'operator',
  username = `test-${role}`,
  lang: Lang | null = 'en',
): Promise<SignedInAdmin> {
  // Specs read times in UTC unless they are about the zone.
  const app = createAdminApp({ timeZone: 'UTC', ...deps });
  await createTestOperator(deps.sessions, username, role);
  const signIn = await postSignIn(app, username, TEST_PASSWORD);
  expect(signIn.status).toBe(303);
  const cookie = [sessionCookieOf(signIn), lang === null ? null : `${LANG_COOKIE}=${lang}`].filter(Boolean).join('; ');
  return {
    app,
    username,
    cookie,
    request: async (url, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', [cookie, headers.get('cookie')].filter(Boolean).join('; '));
      return app.request(url, { ...init, headers });
    },
  };
}
