import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { WarehouseOption } from '../hub-api';

/** One request the stand-in received, as the admin sent it. */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

/** A stand-in for the Integration Hub API on 127.0.0.1, for the admin's tests. */
export interface HubApiStandIn {
  url: string;
  requests: RecordedRequest[];
  /** What the trigger endpoint answers next (202 with a fresh run id unless changed). */
  triggerAnswer: { status: number; body: unknown };
  close(): Promise<void>;
}

export const STAND_IN_RUN_ID = '5b0a4c1e-8f7d-4e7a-9d51-2f3b6c7d8e90';

/** Serves `GET /api/v1/warehouses` and `POST /api/v1/trigger/internal-replenishment` on a free port. */
export async function startHubApiStandIn(warehouses: WarehouseOption[]): Promise<HubApiStandIn> {
  const requests: RecordedRequest[] = [];
  const standIn = { requests, triggerAnswer: { status: 202, body: { run_id: STAND_IN_RUN_ID, request_id: STAND_IN_RUN_ID, status: 'accepted' } as unknown } };
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
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return Object.assign(standIn, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  });
}

/** An address on 127.0.0.1 where nothing listens: a port that was just free and is closed again. */
export async function unusedLocalUrl(): Promise<string> {
  const standIn = await startHubApiStandIn([]);
  await standIn.close();
  return standIn.url;
}
