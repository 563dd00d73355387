/**
 * The one secret-redaction policy: what counts as a secret and what it is replaced with,
 * for log rows and lines (libs/logging), stored delivery errors (libs/outbox), error
 * messages of the HTTP clients (libs/integrations) and the API's readiness answer. It lives
 * here, in the lib without a database, so the HTTP clients can use it too.
 */

/** What a secret is replaced with, everywhere. */
export const REDACTED = '[redacted]';

/**
 * Keys whose values never reach a log line, a log row or a stored error. Matching ignores
 * case and punctuation (`api_key`, `X-Api-Key` and `apiKey` are one key), and a key that
 * merely contains one of these (`dbPassword`, `client_secret`) is secret too: redacting a
 * harmless value costs less than leaking a credential.
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

const compact = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');
const secretFragments = [...new Set(SECRET_KEYS.map(compact))];

/** True when a value stored under `key` must be replaced by `REDACTED`. */
export function isSecretKey(key: string): boolean {
  const compacted = compact(key);
  return secretFragments.some((fragment) => compacted.includes(fragment));
}

/**
 * Secrets that can hide inside free text (an error message, a log message, a driver's
 * complaint), each with what it becomes:
 * - `scheme://user:password@` → the password only (`postgres://hub:[redacted]@db`); a URL
 *   with a user and no password is left as it is;
 * - an Authorization credential (`Basic …`, `Bearer …`);
 * - `password=…`, `token: …` and the like, as configuration and query strings write them.
 */
const TEXT_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*):[^\s/?#@]*@/gi, `$1:${REDACTED}@`],
  [/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+/g, `$1 ${REDACTED}`],
  [/\b(password|passwd|token|secret|api[_-]?key)(["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi, `$1$2${REDACTED}`],
];

/**
 * `text` with every secret the policy recognises replaced by `REDACTED`. `knownSecrets` are
 * values the caller holds (a client's password or token, its Basic credentials): they go
 * wherever they appear, since a misbehaving server may echo what it received.
 */
export function redactText(text: string, knownSecrets: readonly string[] = []): string {
  const known = knownSecrets.filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  const withoutKnown = known.reduce((result, secret) => result.split(secret).join(REDACTED), text);
  return TEXT_PATTERNS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), withoutKnown);
}
