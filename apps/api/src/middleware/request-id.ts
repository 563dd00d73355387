import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { withLogContext } from '@hub/logging';
import { z } from 'zod';
import { REQUEST_ID_HEADER } from '../context';

const uuid = z.uuid();

/**
 * Gives every request an id: the caller's `X-Request-ID` when it is a UUID (so a caller
 * can find its request in integration_logs), otherwise a new one, because the id is
 * stored in uuid columns. The id is echoed in the response header and is the log
 * context of everything the request does.
 */
export function requestId(): MiddlewareHandler {
  return async function requestId(c, next) {
    const offered = c.req.header(REQUEST_ID_HEADER)?.trim();
    const id = offered !== undefined && uuid.safeParse(offered).success ? offered.toLowerCase() : randomUUID();
    c.set('requestId', id);
    c.header(REQUEST_ID_HEADER, id);
    await withLogContext({ requestId: id }, () => next());
  };
}
