/*
 * Whether an error means PostgreSQL could not be reached (down, restarting, the network gone):
 * start-up waits for it, and an admin page says so in a banner instead of failing. A refused
 * password, a missing database or a bug of the client is not such an error.
 */

/** Node's socket errors for a server that is not there (yet). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/** PostgreSQL's admin_shutdown, crash_shutdown, cannot_connect_now. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);
/** Class 08 is every connection exception but protocol_violation: a malformed message is the client's bug, not an outage. */
const PROTOCOL_VIOLATION = '08P01';
/** node-postgres says these without a code: the server closed the socket, or did not answer in time. */
const UNCODED_LOSS = /Connection terminated|connection timeout|timeout expired|timeout exceeded when trying to connect/i;
/** MikroORM and the pool wrap the driver's error; a few causes deep is enough to find it. */
const MAX_CAUSE_DEPTH = 5;

export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < MAX_CAUSE_DEPTH; current = current.cause, depth++) {
    // A refused connection to several addresses (IPv4 and IPv6 of localhost) is an AggregateError.
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnreachable)) return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || (code.startsWith('08') && code !== PROTOCOL_VIOLATION)) return true;
    } else if (UNCODED_LOSS.test(current.message)) {
      return true;
    }
  }
  return false;
}
