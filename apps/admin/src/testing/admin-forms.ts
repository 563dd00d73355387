/** Test support (specs only): pressing the admin's buttons as a browser would. */
import { expect } from 'vitest';
import type { SignedInAdmin } from './admin-session';

/** A form post to `path` from a page of `origin` (the admin's own by default), as a button sends it. */
export async function postForm(admin: SignedInAdmin, path: string, form: Record<string, string> = {}, origin = 'http://localhost'): Promise<Response> {
  return admin.request(`http://localhost${path}`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

/** Follows the 303 with the cookie it set, as a browser would; returns where it led, the page and the cookie that page set. */
export async function followRedirect(admin: SignedInAdmin, response: Response): Promise<{ location: string; page: string; setCookie: string }> {
  expect(response.status).toBe(303);
  const location = response.headers.get('location') ?? '';
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const next = await admin.request(`http://localhost${location}`, { headers: cookie ? { cookie } : {} });
  return { location, page: await next.text(), setCookie: next.headers.get('set-cookie') ?? '' };
}
