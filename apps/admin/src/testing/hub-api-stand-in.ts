import { Hono } from 'hono';
import { findFreePort, listenOnLoopback, type LoopbackServer } from '@hub/testing';
import type { WarehouseOption } from '../hub-api';

/** One request the stand-in received, as the admin sent it. */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

/** A stand-in for the Integration Hub API on 127.0.0.1, for the admin's tests. */
export interface HubApiStandIn extends LoopbackServer {
  requests: RecordedRequest[];
  /** What the trigger endpoint answers next (202 with a fresh run id unless changed). */
  triggerAnswer: { status: number; body: unknown };
  /** What `POST /api/v1/outbox/:id/retry` answers next (200 with the event pending unless changed). */
  retryAnswer: { status: number; body: unknown };
}

export const STAND_IN_RUN_ID = '5b0a4c1e-8f7d-4e7a-9d51-2f3b6c7d8e90';

/** The API's answer to a successful retry of `eventId` (the event fields the admin reads). */
export function retriedAnswer(eventId: string, aggregateReset = false): { status: number; body: unknown } {
  return { status: 200, body: { event: { id: eventId, status: 'pending', attempts: 0 }, previous_attempts: 10, aggregate_reset: aggregateReset } };
}

/** Serves `GET /api/v1/warehouses`, `POST /api/v1/trigger/internal-replenishment` and `POST /api/v1/outbox/:id/retry` on a free port. */
export async function startHubApiStandIn(warehouses: WarehouseOption[]): Promise<HubApiStandIn> {
  const requests: RecordedRequest[] = [];
  const standIn: Pick<HubApiStandIn, 'requests' | 'triggerAnswer' | 'retryAnswer'> = {
    requests,
    triggerAnswer: { status: 202, body: { run_id: STAND_IN_RUN_ID, request_id: STAND_IN_RUN_ID, status: 'accepted' } },
    retryAnswer: retriedAnswer(STAND_IN_RUN_ID),
  };
  const app = new Hono();
  app.use(async (c, next) => {
    const text = await c.req.text();
    requests.push({ method: c.req.method, path: c.req.path, authorization: c.req.header('authorization'), body: text ? JSON.parse(text) : undefined });
    await next();
  });
  app.get('/api/v1/warehouses', (c) => c.json({ items: warehouses }));
  app.post('/api/v1/trigger/internal-replenishment', () => {
    const { status, body } = standIn.triggerAnswer;
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  app.post('/api/v1/outbox/:id/retry', () => {
    const { status, body } = standIn.retryAnswer;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return Object.assign(standIn, await listenOnLoopback(app.fetch));
}

/** An address on 127.0.0.1 where nothing listens: a port that was just free and is closed again. */
export async function unusedLocalUrl(): Promise<string> {
  return `http://127.0.0.1:${await findFreePort()}`;
}
