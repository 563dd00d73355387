import { toDate, toDateOrNull, type OutboxStatus } from '@hub/db';

/** An outbox event as operators see it: every column, the payload only when asked for. */
export interface OutboxEventView {
  id: string;
  aggregateType: string;
  aggregateId: string;
  eventType: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  lastError: string | null;
  responseRef: string | null;
  createdAt: Date;
  updatedAt: Date;
  deliveredAt: Date | null;
  /** Present only when the caller asked for payloads. */
  payload?: Record<string, unknown>;
}

/** The columns `OUTBOX_EVENT_COLUMNS` selects, as the driver returns them. */
export interface OutboxEventRow {
  id: string;
  aggregate_type: string;
  aggregate_id: string;
  event_type: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_expires_at: string | null;
  last_error: string | null;
  response_ref: string | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
  payload?: Record<string, unknown> | null;
}

/* Unqualified column names: use it on one table or CTE only. */
export const OUTBOX_EVENT_COLUMNS = [
  'id',
  'aggregate_type',
  'aggregate_id',
  'event_type',
  'status',
  'attempts',
  'next_attempt_at',
  'lease_owner',
  'lease_expires_at',
  'last_error',
  'response_ref',
  'created_at',
  'updated_at',
  'delivered_at',
].join(', ');

/** A selected row as a view; `payload` is kept only when the row carries the column. */
export function toOutboxEventView(row: OutboxEventRow): OutboxEventView {
  const view: OutboxEventView = {
    id: row.id,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: toDate(row.next_attempt_at),
    leaseOwner: row.lease_owner,
    leaseExpiresAt: toDateOrNull(row.lease_expires_at),
    lastError: row.last_error,
    responseRef: row.response_ref,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    deliveredAt: toDateOrNull(row.delivered_at),
  };
  if (row.payload !== undefined && row.payload !== null) view.payload = row.payload;
  return view;
}
