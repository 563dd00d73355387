import { tryGetContext } from 'hono/context-storage';
import type { SignedInOperator } from './auth/operators-sql';
import type { Lang } from './i18n/messages';

/** What the admin's middleware puts on every request's context. */
export interface AdminEnv {
  Variables: {
    /** Set by the sign-in check on every page behind it. */
    operator: SignedInOperator;
    /** The IANA zone every time is shown and read in (ADMIN_TIMEZONE). */
    timeZone: string;
    /** The page language, from the `lang` cookie (Russian unless the operator switched). */
    lang: Lang;
  };
}

/**
 * The signed-in operator of the request being rendered, or null (the sign-in page, a test
 * rendering a view on its own). Read through Hono's context storage so that every view can
 * show who is signed in without each handler passing it down.
 */
export function currentOperator(): SignedInOperator | null {
  return tryGetContext<AdminEnv>()?.var.operator ?? null;
}

/** Whether the request's operator may start runs and retry events. */
export function mayChangeThings(): boolean {
  return currentOperator()?.role === 'operator';
}

/** The zone the request's page shows times in; UTC outside a request. */
export function currentTimeZone(): string {
  return tryGetContext<AdminEnv>()?.var.timeZone ?? 'UTC';
}
