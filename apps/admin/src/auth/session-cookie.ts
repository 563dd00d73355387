import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** The cookie that carries a session's token; the database keeps only its sha256. */
export const SESSION_COOKIE = 'hub_admin_session';

export interface SessionCookieOptions {
  /** Send the cookie over HTTPS only (ADMIN_COOKIE_SECURE). */
  secure: boolean;
}

/** A new session token: 32 random bytes, base64url. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores for a token. */
export function sessionTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token the browser sent, if any. */
export function readSessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** A browser-session cookie (no Max-Age): the server's idle timeout decides how long it is good for. */
export function writeSessionCookie(c: Context, token: string, options: SessionCookieOptions): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: options.secure, path: '/' });
}

export function clearSessionCookie(c: Context, options: SessionCookieOptions): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: options.secure });
}
