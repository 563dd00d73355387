/** What the OpenAPI document says of itself; the routes and schemas come from the routes the API registers. */
export const OPENAPI_DOCUMENT_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Integration Hub API',
    version: '1',
    description:
      'Starts and explains replenishment runs and operates the outbox. Every error answers ' +
      '`{ "error": { "code", "message", "field" } }`; lists are pages of `{ items, next_cursor }`.',
  },
} as const;
