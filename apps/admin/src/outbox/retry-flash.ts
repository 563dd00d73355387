import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { OutboxRetryOutcome } from '../hub-api';

/** What the outbox page says about the last Retry press. */
export interface RetryFlash {
  eventId: string;
  outcome: OutboxRetryOutcome;
}

const FLASH_COOKIE = 'outbox_retry_flash';
const FLASH_PATH = '/outbox';
/** The API's words are shown as they came, up to this many characters. */
const MESSAGE_MAX_LENGTH = 500;

const flashSchema = z.object({
  eventId: z.uuid(),
  outcome: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('retried'), aggregateReset: z.boolean() }),
    z.object({ kind: z.literal('refused'), status: z.number().int().min(100).max(599), message: z.string().max(MESSAGE_MAX_LENGTH).nullable() }),
    z.object({ kind: z.literal('unexpected-answer') }),
    z.object({ kind: z.literal('unreachable') }),
  ]),
});

/*
 * The outcome travels to the page after the redirect (post/redirect/get) in a short-lived
 * cookie rather than in the address: it carries the API's own message, and a crafted
 * link must not be able to put words on the page. HttpOnly and SameSite=Strict keep
 * other sites and scripts out of it; the page escapes whatever it shows.
 */
export function setRetryFlash(c: Context, flash: RetryFlash): void {
  const outcome =
    flash.outcome.kind === 'refused' && flash.outcome.message !== null ?
      { ...flash.outcome, message: flash.outcome.message.slice(0, MESSAGE_MAX_LENGTH) }
    : flash.outcome;
  const value = Buffer.from(JSON.stringify({ eventId: flash.eventId, outcome })).toString('base64url');
  setCookie(c, FLASH_COOKIE, value, { path: FLASH_PATH, httpOnly: true, sameSite: 'Strict', maxAge: 60 });
}

/** The flash left by the last Retry, if any; it is shown once, so it is deleted as it is read. */
export function takeRetryFlash(c: Context): RetryFlash | undefined {
  const value = getCookie(c, FLASH_COOKIE);
  if (value === undefined) return undefined;
  deleteCookie(c, FLASH_COOKIE, { path: FLASH_PATH });
  try {
    const parsed = flashSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
