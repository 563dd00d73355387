/*
 * Whether an error means the database could not be reached (down, restarting, the network
 * gone) rather than a bug: such a page says so in a banner instead of failing.
 */

/** Node's socket errors for a server that is not there. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE']);
/** PostgreSQL's: admin_shutdown, crash_shutdown, cannot_connect_now. Class 08 is every connection exception. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);

export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
    // node-postgres says this without a code when the server closes the socket.
    if (/Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(current.message)) return true;
  }
  return false;
}
