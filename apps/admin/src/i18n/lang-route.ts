import { Hono, type MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AdminEnv } from '../admin-env';
import { LANG_COOKIE, LANGS, readLang } from './messages';

/** A year: the choice is remembered until the operator switches again. */
const LANG_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** A path on this admin to go back to, never another site. */
const backSchema = z
  .string()
  .regex(/^\/(?![/\\])[^\s]*$/)
  .catch('/');
const switchQuerySchema = z.object({ to: z.enum(LANGS).catch('ru'), back: backSchema });

/** Every request gets its page language from the `lang` cookie; Russian when there is none. */
export function useLanguage(): MiddlewareHandler<AdminEnv> {
  return async function useLanguage(c, next) {
    c.set('lang', readLang(getCookie(c, LANG_COOKIE)));
    await next();
  };
}

/**
 * `GET /lang?to=en&back=/logs`: remembers the language in a long-lived cookie and goes back to
 * the page. A GET changes only how the operator's own browser shows pages, so like a link it
 * needs no CSRF token; `back` is checked to stay on this admin.
 */
export function createLangRoute(): Hono<AdminEnv> {
  return new Hono<AdminEnv>().get('/lang', (c) => {
    const { to, back } = switchQuerySchema.parse(c.req.query());
    setCookie(c, LANG_COOKIE, to, { path: '/', sameSite: 'Lax', httpOnly: true, maxAge: LANG_COOKIE_MAX_AGE });
    return c.redirect(back, 303);
  });
}
