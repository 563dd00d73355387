import type { OutboxEventType, OutboxStatus } from '@hub/db';

/** An outbox event as operators see it: every column, the payload only when asked for. */
export interface OutboxEventView {
  id: string;
  aggregateType: string;
  aggregateId: string;
  eventType: OutboxEventType;
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
  event_type: OutboxEventType;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at_ms: number;
  lease_owner: string | null;
  lease_expires_at_ms: number | null;
  last_error: string | null;
  response_ref: string | null;
  created_at_ms: number;
  updated_at_ms: number;
  delivered_at_ms: number | null;
  payload?: Record<string, unknown> | null;
}

const epochMs = (column: string): string => `(extract(epoch from ${column}) * 1000)::float8 as ${column}_ms`;

/*
 * Times travel as epoch milliseconds, as in the claim statement, so no driver time-zone
 * setting can shift them. Unqualified column names: use it on one table or CTE only.
 */
export const OUTBOX_EVENT_COLUMNS = [
  'id', 'aggregate_type', 'aggregate_id', 'event_type', 'status', 'attempts',
  epochMs('next_attempt_at'), 'lease_owner', epochMs('lease_expires_at'), 'last_error', 'response_ref',
  epochMs('created_at'), epochMs('updated_at'), epochMs('delivered_at'),
].join(', ');

const dateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/** A selected row as a view; `payload` is kept only when the row carries the column. */
export function toOutboxEventView(row: OutboxEventRow): OutboxEventView {
  const view: OutboxEventView = {
    id: row.id,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: new Date(row.next_attempt_at_ms),
    leaseOwner: row.lease_owner,
    leaseExpiresAt: dateOrNull(row.lease_expires_at_ms),
    lastError: row.last_error,
    responseRef: row.response_ref,
    createdAt: new Date(row.created_at_ms),
    updatedAt: new Date(row.updated_at_ms),
    deliveredAt: dateOrNull(row.delivered_at_ms),
  };
  if (row.payload !== undefined && row.payload !== null) view.payload = row.payload;
  return view;
}
