/**
 * Who may call the API. Writes (trigger, retry: every method but GET, HEAD and OPTIONS) need
 * API_TOKEN whenever authentication is on; reads of /api/* and /metrics need it too unless
 * API_AUTH_READS=off. /health, /ready, /openapi.json and /docs are always open: orchestrators
 * probe the first two, and the document describes the API without holding any of its data.
 */
export type ApiAuth =
  | { kind: 'token'; token: string; reads: boolean }
  /** `why` is for the start-up line: an operator reading it learns how to turn authentication on. */
  | { kind: 'off'; why: 'API_AUTH=off' | 'API_TOKEN unset outside production' };

export type ApiAuthDecision = ApiAuth | { kind: 'refused'; variable: string; problem: string };

export interface ApiAuthSettings {
  token: string | undefined;
  /** API_AUTH: true `on`, false `off`, undefined unset. */
  enabled: boolean | undefined;
  /** API_AUTH_READS: undefined means on. */
  reads: boolean | undefined;
  /** NODE_ENV=production, as in the images. */
  production: boolean;
}

/**
 * API_AUTH unset: on when API_TOKEN is set; without one, off for development (`npm run dev`) and
 * a refused start in production, where an open API is a mistake unless someone says so with
 * API_AUTH=off. API_AUTH=on without API_TOKEN is refused everywhere.
 */
export function resolveApiAuth(settings: ApiAuthSettings): ApiAuthDecision {
  if (settings.enabled === false) return { kind: 'off', why: 'API_AUTH=off' };
  if (settings.token !== undefined) return { kind: 'token', token: settings.token, reads: settings.reads ?? true };
  if (settings.enabled === true) {
    return { kind: 'refused', variable: 'API_TOKEN', problem: 'is required with API_AUTH=on: set it (16 characters or more, the admin’s API_TOKEN the same)' };
  }
  if (settings.production) {
    return {
      kind: 'refused',
      variable: 'API_TOKEN',
      problem:
        'is required with NODE_ENV=production: set it (16 characters or more, the admin’s API_TOKEN the same), or set API_AUTH=off to run the API without authentication',
    };
  }
  return { kind: 'off', why: 'API_TOKEN unset outside production' };
}

/** What the start-up line says about authentication (never the token). */
export function describeApiAuth(auth: ApiAuth): string {
  if (auth.kind === 'off') return `off (${auth.why}): every route is open`;
  return auth.reads ? 'token: every /api route and /metrics' : 'token: writes only (API_AUTH_READS=off)';
}

/** The part of ApiDependencies that `auth` decides. */
export function authDependencies(auth: ApiAuth): { apiToken?: string; readsNeedToken?: boolean } {
  return auth.kind === 'token' ? { apiToken: auth.token, readsNeedToken: auth.reads } : {};
}
