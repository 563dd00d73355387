import { StartRefusal } from '@hub/runtime';

/**
 * What to do about each way a first connection fails: Node's socket error codes, then
 * PostgreSQL's SQLSTATEs for a refused login or a missing database.
 */
const FIXES: Record<string, string> = {
  ECONNREFUSED: 'nothing accepts connections there: start PostgreSQL, or correct the host and port in DATABASE_URL',
  ENOTFOUND: 'the host name does not resolve: correct the host in DATABASE_URL',
  EAI_AGAIN: 'the host name does not resolve: correct the host in DATABASE_URL',
  ETIMEDOUT: 'the server did not answer: correct the host and port in DATABASE_URL, or open the firewall',
  EHOSTUNREACH: 'the host is unreachable: correct the host in DATABASE_URL',
  '28P01': 'the password was refused: correct the user and password in DATABASE_URL',
  '28000': "the server refused this user: correct the user in DATABASE_URL, or allow it in the server's pg_hba.conf",
  '3D000': 'the database does not exist: create it (createdb <name>), or correct its name in DATABASE_URL',
};

/** The first connection to the database failed; the message names the server and the fix, never the password. */
export class DatabaseConnectionError extends StartRefusal {
  constructor(
    readonly code: string,
    target: string,
    reason: string,
    fix: string,
    cause: unknown,
  ) {
    super(`Cannot connect to PostgreSQL at ${target}: ${reason}. ${fix[0]?.toUpperCase()}${fix.slice(1)}.`, { cause });
    this.name = 'DatabaseConnectionError';
  }
}

/** `user@host:port/database` from a connection URL: enough to recognise it, without the password. */
export function describeDatabaseTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
    return `${user}${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname || '/'}`;
  } catch {
    return 'the DATABASE_URL given (not a valid URL)';
  }
}

/**
 * `error` from connecting to `databaseUrl`, as a DatabaseConnectionError naming the fix when it
 * is a failure a deployer causes (server down, wrong host, password, user or database name);
 * any other error unchanged.
 */
export function explainConnectionFailure(error: unknown, databaseUrl: string): unknown {
  if (error instanceof DatabaseConnectionError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const fix = typeof code === 'string' ? FIXES[code] : undefined;
  if (fix === undefined) return error;
  const reason = error instanceof Error && error.message !== '' ? error.message : String(code);
  return new DatabaseConnectionError(String(code), describeDatabaseTarget(databaseUrl), reason, fix, error);
}
