/** Test support (specs only): pressing the admin's buttons as a browser would, and reading its stdout log. */
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { expect } from 'vitest';
import type { createAdminApp } from '../app';

type AdminApp = ReturnType<typeof createAdminApp>;

/** A form post to `path` from a page of `origin` (the admin's own by default), as a button sends it. */
export async function postForm(app: AdminApp, path: string, form: Record<string, string> = {}, origin = 'http://localhost'): Promise<Response> {
  return app.request(`http://localhost${path}`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

/** Follows the 303 with the cookie it set, as a browser would; returns where it led, the page and the cookie that page set. */
export async function followRedirect(app: AdminApp, response: Response): Promise<{ location: string; page: string; setCookie: string }> {
  expect(response.status).toBe(303);
  const location = response.headers.get('location') ?? '';
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const next = await app.request(`http://localhost${location}`, { headers: { cookie } });
  return { location, page: await next.text(), setCookie: next.headers.get('set-cookie') ?? '' };
}

/** A debug-level logger whose JSON lines land in `lines`, for checking what the admin logs (and never logs). */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
  return { logger, lines };
}
