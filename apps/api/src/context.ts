import type { CursorField } from '@hub/db';

declare module 'hono' {
  interface ContextVariableMap {
    /** This request's id: the caller's X-Request-ID when it is a UUID, else a new one. */
    requestId: string;
    /** The query parameter a list request gave its cursor in; unset outside lists. */
    cursorField: CursorField | undefined;
  }
}

/** The header a request id travels in, both ways. */
export const REQUEST_ID_HEADER = 'X-Request-ID';
