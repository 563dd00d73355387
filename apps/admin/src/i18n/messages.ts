import { tryGetContext } from 'hono/context-storage';
import type { AdminEnv } from '../admin-env';
import { en } from './en';
import { ru, type Messages } from './ru';

export type { Messages } from './ru';

/** The admin's languages; Russian, the operators' language, is the default. */
export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'ru';

/** One catalogue per language. */
export const CATALOGUES: Record<Lang, Messages> = { ru, en };

/** The cookie that remembers the operator's choice. */
export const LANG_COOKIE = 'lang';

/** `value` when it names one of the admin's languages, else the default. */
export function readLang(value: string | undefined): Lang {
  return (LANGS as readonly string[]).includes(value ?? '') ? (value as Lang) : DEFAULT_LANG;
}

/** The language of the request being rendered (set per request from the cookie); Russian outside a request. */
export function currentLang(): Lang {
  return tryGetContext<AdminEnv>()?.var.lang ?? DEFAULT_LANG;
}

/** The texts of the request's language. */
export function currentMessages(): Messages {
  return CATALOGUES[currentLang()];
}
