/**
 * Keys whose values never reach a log line or a log row. Matching ignores case
 * and punctuation (`api_key`, `X-Api-Key` and `apiKey` are one key), and a key
 * that merely contains one of these (`dbPassword`, `client_secret`) is secret too:
 * redacting a harmless value costs less than leaking a credential.
 */
export const SECRET_KEYS = [
  'password',
  'passwd',
  'token',
  'accessToken',
  'access_token',
  'authorization',
  'Authorization',
  'apiKey',
  'secret',
  'cookie',
  'privateKey',
  'credential',
  'DATABASE_URL',
] as const;

/** What a secret value is replaced with. */
export const REDACTED = '[redacted]';

const compact = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');
const secretFragments = [...new Set(SECRET_KEYS.map(compact))];

/** True when a value stored under `key` must be replaced by `REDACTED`. */
export function isSecretKey(key: string): boolean {
  const compacted = compact(key);
  return secretFragments.some((fragment) => compacted.includes(fragment));
}

/** `scheme://user:password@` anywhere in a text; the password part is what `maskUrlPasswords` hides. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*):[^\s/?#@]*@/gi;

/**
 * `text` with the password of every URL in it replaced by `REDACTED`. Keys catch a
 * `DATABASE_URL` logged as a field; this catches one quoted in a message or an error's text.
 */
export function maskUrlPasswords(text: string): string {
  return text.replace(URL_PASSWORD, `$1:${REDACTED}@`);
}
