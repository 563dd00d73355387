import { describe, expect, it } from 'vitest';
import { createStdoutLogger } from '@hub/logging';
import { useTestOrm } from '@hub/testing';
import { createAdminApp, type AdminAppDeps } from '../app';
import { en } from '../i18n/en';
import { LANG_COOKIE } from '../i18n/messages';
import { createTestOperator, TEST_PASSWORD } from '../testing/admin-session';
import { unusedLocalUrl } from '../testing/hub-api-stand-in';

/* Regressions the hostile-input fuzzer (hostile-input.resilience.ts) found in signing in. */

const silent = createStdoutLogger('admin-test', 'silent');
const FORM = { origin: 'http://localhost', cookie: `${LANG_COOKIE}=en` };

describe('signing in, given hostile input', () => {
  const database = useTestOrm();
  const app = async (extra: Partial<AdminAppDeps> = {}) =>
    createAdminApp({ sessions: database.sessions, apiBaseUrl: await unusedLocalUrl(), logger: silent, ...extra });

  it('bounds the sign-in address a long query string would have made too long for a Location header, keeping the path', async () => {
    const path = `/logs?text=${'%3C'.repeat(3_000)}`;
    const response = await (await app()).request(`http://localhost${path}`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Flogs');
  });

  it('keeps a return address of ordinary length whole', async () => {
    const response = await (await app()).request('http://localhost/logs?level=error&text=timeout');
    expect(response.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/logs?level=error&text=timeout')}`);
  });

  it.each([
    ['without a boundary', 'multipart/form-data', 'username=a'],
    ['with a boundary the body never has', 'multipart/form-data; boundary=xyz', 'garbage'],
    ['cut short', 'multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="username"\r\n\r\ntruncated'],
  ])('answers a multipart form %s with a 400 page saying it cannot be read, signing nobody in', async (_case, contentType, body) => {
    await createTestOperator(database.sessions, 'hostile-form');
    const response = await (await app()).request('http://localhost/login', { method: 'POST', headers: { ...FORM, 'content-type': contentType }, body });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(en.app.malformedFormBody);
    expect(response.headers.get('set-cookie') ?? '').not.toContain('hub_admin_session=');
  });

  it('refuses a username with a NUL like an unknown one (401), instead of sending it to PostgreSQL and calling that an outage', async () => {
    await createTestOperator(database.sessions, 'nul-user');
    const body = new URLSearchParams({ username: 'nul\u0000-user', password: TEST_PASSWORD }).toString();
    const response = await (
      await app()
    ).request('http://localhost/login', { method: 'POST', headers: { ...FORM, 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(response.status).toBe(401);
  });
});
