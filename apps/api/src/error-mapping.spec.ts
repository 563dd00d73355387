import { randomUUID } from 'node:crypto';
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnknownCursorError } from '@hub/db';
import { ExternalSystemError } from '@hub/integrations';
import { InvalidRunRequestError, RunInProgressError, UnknownWarehouseError } from '@hub/replenishment';
import { findFreePort, oneCClientFor } from '@hub/testing';
import { LIB_ERROR_MAPPINGS } from './error-mapping';
import { openApiFixture, type ApiFixture } from './testing/api-fixture';

const WAREHOUSE = randomUUID();
const ACTIVE_RUN = randomUUID();
const CURSOR = randomUUID();
// What must never reach a client: a credential, a connection string, a source path with a line.
const SECRET = 's3cret-pa55';
const INTERNALS = new Error(`connect to postgres://hub:${SECRET}@db:5432/hub failed at /app/libs/db/src/session.ts:42`);

/** Each lib error the table maps, and the answer it must give (bodies as they were before the table). */
const MAPPED: Record<string, { error: Error; status: number; body: unknown }> = {
  'unknown-warehouse': {
    error: new UnknownWarehouseError(WAREHOUSE),
    status: 422,
    body: {
      error: {
        code: 'unknown_warehouse',
        field: 'warehouse_id',
        message: `warehouse_id ${WAREHOUSE} is not a known warehouse; GET /api/v1/warehouses lists them`,
      },
    },
  },
  'invalid-run-request': {
    error: new InvalidRunRequestError('warehouseId', 'warehouseId must be a UUID'),
    status: 422,
    body: { error: { code: 'invalid_value', field: 'warehouse_id', message: 'warehouse_id is invalid: warehouseId must be a UUID' } },
  },
  'run-in-progress': {
    error: new RunInProgressError(ACTIVE_RUN, null),
    status: 409,
    body: {
      error: {
        code: 'run_in_progress',
        run_id: ACTIVE_RUN,
        message: `A replenishment run overlapping all warehouses is in progress: run ${ACTIVE_RUN}; wait for it to finish; GET /api/v1/runs/${ACTIVE_RUN} shows it`,
      },
    },
  },
  'unknown-cursor': {
    error: new UnknownCursorError(CURSOR, 'run'),
    status: 422,
    body: { error: { code: 'unknown_cursor', field: 'cursor', message: `No run with id ${CURSOR}: pass the next_cursor of the previous page` } },
  },
  'one-c-down': {
    error: new ExternalSystemError('1С answered 503', { system: '1c', code: 'http_5xx', retryable: true, status: 503 }),
    status: 502,
    body: { error: { code: 'upstream_failed', message: 'The dry run could not read 1С: 1С answered 503' } },
  },
  'moysklad-down': {
    error: new ExternalSystemError('МойСклад timed out', { system: 'moysklad', code: 'timeout', retryable: true }),
    status: 502,
    body: { error: { code: 'upstream_failed', message: 'The dry run could not read МойСклад: МойСклад timed out' } },
  },
};

const UNMAPPED: Record<string, Error> = {
  'plain-error': INTERNALS,
  'type-error': new TypeError(`Cannot read properties of undefined (reading '${SECRET}')`),
  // Subclasses of Error the table does not name are not mapped by accident.
  'range-error': new RangeError(`limit must be a positive whole number, not ${SECRET}`),
};

describe('the error table: lib errors as answers, anything else a 500', () => {
  let fx: ApiFixture;
  const request = (path: string) => fx.app.request(`http://localhost/__throw/${path}`);

  beforeAll(async () => {
    fx = await openApiFixture(oneCClientFor(`http://127.0.0.1:${await findFreePort()}`));
    // Routes that only throw, on the real app: what answers them is app.ts's one onError.
    fx.app.get('/__throw/:case', (c) => {
      const name = c.req.param('case');
      if (name === 'http-exception') throw new HTTPException(418, { message: 'I am a teapot' });
      const error = MAPPED[name]?.error ?? UNMAPPED[name];
      if (!error) throw new Error(`no case ${name}`);
      throw error;
    });
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('has a case here for every row of the table', () => {
    const tested = new Set(Object.values(MAPPED).map((mapped) => mapped.error.constructor));
    expect(new Set(LIB_ERROR_MAPPINGS.map((mapping) => mapping.type))).toEqual(tested);
  });

  it.each(Object.entries(MAPPED))('answers %s with its status and code, and logs no error row', async (name, { status, body }) => {
    const requestId = randomUUID();
    const response = await fx.app.request(`http://localhost/__throw/${name}`, { headers: { 'X-Request-ID': requestId } });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
    expect(await fx.query('select id from integration_logs where request_id = ?::uuid', [requestId])).toEqual([]);
  });

  it.each(Object.keys(UNMAPPED))('answers an unmapped %s with 500 and the request id, the details only in the log', async (name) => {
    const response = await request(name);
    const requestId = response.headers.get('X-Request-ID');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: `Internal error; quote request id ${requestId} when reporting it` } });
    expect(text).not.toContain(SECRET);
    const rows = await fx.query<{ level: string; message: string; step: string }>(
      'select level, message, step from integration_logs where request_id = ?::uuid',
      [requestId],
    );
    expect(rows).toEqual([{ level: 'ERROR', message: `Unhandled error in GET /__throw/${name}`, step: 'http' }]);
  });

  it('answers an HTTPException with its own status, as http_<status>', async () => {
    const response = await request('http-exception');
    expect([response.status, await response.json()]).toEqual([418, { error: { code: 'http_418', message: 'I am a teapot' } }]);
  });
});
