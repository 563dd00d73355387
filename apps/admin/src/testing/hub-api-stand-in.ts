import { Hono } from 'hono';
import type { ApiErrorAnswer, DryRunPlanAnswer, RetryAcceptedAnswer, TriggerAcceptedAnswer, WarehouseListAnswer } from '@hub/api-contract';
import { findFreePort, listenOnLoopback, type LoopbackServer } from '@hub/testing';
import type { WarehouseOption } from '../hub-api';

/** One request the stand-in received, as the admin sent it. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string, without the '?'. */
  query: string;
  authorization: string | undefined;
  /** The X-Hub-Operator header: whom the admin acted for. */
  operator: string | undefined;
  body: unknown;
}

/** The error statuses the real API answers with. */
type ErrorStatus = 401 | 404 | 409 | 413 | 422 | 500 | 502;

/**
 * An answer the real API gives: its success, typed by the schema the admin parses it with, or
 * an error body. Anything else has to be said to be a `malformedAnswer`.
 */
export type ApiAnswer<Success, SuccessStatus extends number> = { status: SuccessStatus; body: Success } | { status: ErrorStatus; body: ApiErrorAnswer };

/** An answer the real API never gives (the wrong shape, not JSON at all): what a proxy or a broken deployment might send. */
export interface MalformedAnswer {
  status: number;
  /** Sent as is when text, else as JSON. */
  body: unknown;
  malformed: true;
}

/** A stand-in for the Integration Hub API on 127.0.0.1, for the admin's tests. */
export interface HubApiStandIn extends LoopbackServer {
  requests: RecordedRequest[];
  /** What the trigger endpoint answers next (202 with STAND_IN_RUN_ID unless changed). */
  triggerAnswer: ApiAnswer<TriggerAcceptedAnswer, 202> | MalformedAnswer;
  /** What the trigger answers with `?dry_run=true` (200 with PLANNED_PREVIEW unless changed). */
  previewAnswer: ApiAnswer<DryRunPlanAnswer, 200> | MalformedAnswer;
  /** What `POST /api/v1/outbox/:id/retry` answers next (200 with the event pending unless changed). */
  retryAnswer: ApiAnswer<RetryAcceptedAnswer, 200> | MalformedAnswer;
}

export const STAND_IN_RUN_ID = '5b0a4c1e-8f7d-4e7a-9d51-2f3b6c7d8e90';
const STAND_IN_REQUEST_ID = '0c4d2f7a-3e1b-4c5d-9a8f-6b7e1d2c3a40';
const STAND_IN_AGGREGATE_ID = '9e2b7c41-6d3a-4f1e-8b5c-2a7d9e0f1c36';

/** An answer the real API never gives, for testing how the admin copes with one. */
export function malformedAnswer(status: number, body: unknown): MalformedAnswer {
  return { status, body, malformed: true };
}

/** The API's answer to a trigger it queued. */
export function queuedAnswer(runId = STAND_IN_RUN_ID): ApiAnswer<TriggerAcceptedAnswer, 202> {
  return { status: 202, body: { run_id: runId, request_id: STAND_IN_REQUEST_ID, status: 'queued' } };
}

const MSK = { id: '7d9f2a4e-1b3c-4d5e-8f60-718293a4b5c6', external_id: 'wh-msk', code: 'MSK-1', name: 'Moscow 1' };
const DC = { id: null, external_id: 'wh-dc', code: 'DC-1', name: 'Distribution <centre>' };
/** Position 6 against min 10 and max 72, in packs of 6: a need of 66. */
const KEFIR_NEED = { onHand: 6, reserved: 0, inbound: 0, position: 6, min: 10, max: 72, multiple: 6, need: 66 };
const KEFIR = { id: null, external_id: 'p-1', sku: 'SKU-0002', name: 'Кефир 2,5% 900 г' };
const RYAZHENKA = { ...KEFIR, external_id: 'p-2', sku: 'SKU-0003', name: 'Ряженка' };

/** A dry run's answer: one transfer line DC-1 → MSK-1 and one outside line for MSK-1, explained. */
export const PLANNED_PREVIEW: DryRunPlanAnswer = {
  dry_run: true,
  request_id: STAND_IN_REQUEST_ID,
  target_warehouse_id: null,
  counts: {
    needs: 2,
    transferOrders: 1,
    transferLines: 1,
    unitsPlanned: 66,
    uncoveredLines: 1,
    uncoveredUnits: 12,
    externalOrders: 1,
    externalLines: 1,
    externalUnits: 12,
  },
  needs: [
    { warehouse: MSK, product: KEFIR, explanation: KEFIR_NEED },
    { warehouse: MSK, product: RYAZHENKA, explanation: { ...KEFIR_NEED, need: 12 } },
  ],
  transfer_orders: [
    {
      source: DC,
      target: MSK,
      lines: [
        {
          product: KEFIR,
          quantity: 66,
          explanation: { ...KEFIR_NEED, donorSurplus: 80, allocated: 66, totalNeed: 66, totalSurplus: 80, fairShare: 66, fairQuota: 66, covered: 66, share: 1 },
        },
      ],
    },
  ],
  external_orders: [
    {
      target: MSK,
      lines: [
        {
          product: RYAZHENKA,
          quantity: 12,
          explanation: {
            ...KEFIR_NEED,
            need: 12,
            donorSurplus: 0,
            allocated: 0,
            totalNeed: 12,
            totalSurplus: 0,
            fairShare: 0,
            fairQuota: 0,
            covered: 0,
            share: 0,
          },
        },
      ],
    },
  ],
};

/** The API's answer to a successful retry of `eventId`. */
export function retriedAnswer(eventId: string, aggregateReset = false): ApiAnswer<RetryAcceptedAnswer, 200> {
  const event = {
    id: eventId,
    aggregate_type: 'transfer_order',
    aggregate_id: STAND_IN_AGGREGATE_ID,
    event_type: 'CREATE_1C_TRANSFER_ORDER',
    status: 'pending' as const,
    attempts: 0,
    next_attempt_at: '2026-12-03T09:00:00.000Z',
    lease_owner: null,
    lease_expires_at: null,
    last_error: '1С answered 503',
    response_ref: null,
    created_at: '2026-12-03T08:00:00.000Z',
    updated_at: '2026-12-03T09:00:00.000Z',
    delivered_at: null,
  };
  return { status: 200, body: { event, previous_attempts: 10, aggregate_reset: aggregateReset } };
}

function respond({ status, body }: { status: number; body: unknown }): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Serves `GET /api/v1/warehouses`, `POST /api/v1/trigger/internal-replenishment` (and its dry run) and `POST /api/v1/outbox/:id/retry` on a free port. */
export async function startHubApiStandIn(warehouses: WarehouseOption[]): Promise<HubApiStandIn> {
  const requests: RecordedRequest[] = [];
  const standIn: Pick<HubApiStandIn, 'requests' | 'triggerAnswer' | 'previewAnswer' | 'retryAnswer'> = {
    requests,
    triggerAnswer: queuedAnswer(),
    previewAnswer: { status: 200, body: PLANNED_PREVIEW },
    retryAnswer: retriedAnswer(STAND_IN_RUN_ID),
  };
  const app = new Hono();
  app.use(async (c, next) => {
    const text = await c.req.text();
    requests.push({
      method: c.req.method,
      path: c.req.path,
      query: new URL(c.req.url).search.slice(1),
      authorization: c.req.header('authorization'),
      operator: c.req.header('x-hub-operator'),
      body: text ? JSON.parse(text) : undefined,
    });
    await next();
  });
  app.get('/api/v1/warehouses', (c) => c.json({ items: warehouses } satisfies WarehouseListAnswer));
  app.post('/api/v1/trigger/internal-replenishment', (c) => respond(c.req.query('dry_run') === 'true' ? standIn.previewAnswer : standIn.triggerAnswer));
  app.post('/api/v1/outbox/:id/retry', () => respond(standIn.retryAnswer));
  return Object.assign(standIn, await listenOnLoopback(app.fetch));
}

/** An address on 127.0.0.1 where nothing listens: a port that was just free and is closed again. */
export async function unusedLocalUrl(): Promise<string> {
  return `http://127.0.0.1:${await findFreePort()}`;
}
