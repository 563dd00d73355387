/**
 * A made-up aggregate for the outbox's own specs: a `parcels` table in the spec's database
 * and hooks that move a parcel as its events settle. A spec reads the parcel to see what a
 * hook did, and makes a hook throw to see that the event's change rolls back with it.
 * Only the outbox's specs use it, so `@hub/outbox/testing` does not export it.
 */
import { randomUUID } from 'node:crypto';
import { sqlArray, sqlColumns, type SessionFactory } from '@hub/db';
import type { AggregateHookRegistry, AggregateHooks } from '../aggregate-hooks';
import { TEST_AGGREGATE_TYPE } from './outbox-rows';

export type ParcelState = 'pending' | 'shipped' | 'lost';

export interface ParcelRow {
  state: ParcelState;
  /** The carrier's tracking number, taken from the receipt's `outcome` by the `delivered` hook. */
  tracking: string | null;
  /** How many times the `delivered` hook recorded a shipment of it. */
  shipments: number;
}

/** What the carrier's handler puts in `DeliveryReceipt.outcome`. */
export interface ShipmentOutcome {
  tracking: string;
}

const CREATE_PARCELS = `
  create table if not exists parcels (
    id uuid primary key,
    state text not null,
    tracking text,
    shipments integer not null default 0
  )`;

// Every delivered parcel is recorded, whatever its state, so a second recording would show in `shipments`.
const SHIP = `
  update parcels p
  set state = 'shipped', tracking = d.tracking, shipments = p.shipments + 1
  from unnest(?::uuid[], ?::text[]) as d(id, tracking)
  where p.id = d.id
  returning p.id`;

const LOSE = `update parcels set state = 'lost' where id = any(?::uuid[]) and state = 'pending'`;

const FIND_AGAIN = `update parcels set state = 'pending' where id = any(?::uuid[]) and state = 'lost' returning id`;

/** Creates the `parcels` table in the spec's database, once. */
export async function createParcelsTable(sessions: SessionFactory): Promise<void> {
  await sessions.open().execute(CREATE_PARCELS, [], 'run');
}

/** A parcel in `state`; returns its id, the aggregate id of its events. */
export async function insertParcel(sessions: SessionFactory, state: ParcelState = 'pending'): Promise<string> {
  const id = randomUUID();
  await sessions.open().execute('insert into parcels (id, state) values (?::uuid, ?)', [id, state], 'run');
  return id;
}

export async function readParcel(sessions: SessionFactory, id: string): Promise<ParcelRow | undefined> {
  const [row] = await sessions.open().execute<ParcelRow[]>('select state, tracking, shipments from parcels where id = ?::uuid', [id], 'all');
  return row;
}

/** Thrown by a hook after it changed its parcel, to show that the outbox's transaction rolls both back. */
export class ParcelLedgerError extends Error {
  constructor(hook: keyof AggregateHooks) {
    super(`the parcel ledger refused what the ${hook} hook did`);
    this.name = 'ParcelLedgerError';
  }
}

/**
 * Hooks for TEST_AGGREGATE_TYPE (nothing for any other type). delivered: the parcel is
 * shipped with the receipt's tracking number, and one that does not exist is reported
 * missing; dead: pending → lost; retried: lost → pending, resolving the parcels found again.
 * `failIn` makes that hook throw a ParcelLedgerError after it changed the parcel.
 */
export function parcelHooks(options: { failIn?: keyof AggregateHooks } = {}): AggregateHookRegistry {
  const done = <T>(hook: keyof AggregateHooks, result: T): T => {
    if (options.failIn === hook) throw new ParcelLedgerError(hook);
    return result;
  };
  const hooks: AggregateHooks = {
    async delivered(tx, deliveries) {
      const columns = sqlColumns(
        deliveries.map((d) => ({ id: d.aggregateId, tracking: (d.receipt.outcome as ShipmentOutcome | undefined)?.tracking ?? null })),
        ['id', 'tracking'],
      );
      const shipped = new Set((await tx.execute<{ id: string }[]>(SHIP, columns, 'all')).map((row) => row.id));
      return done('delivered', new Set(deliveries.filter((d) => !shipped.has(d.aggregateId)).map((d) => d.eventId)));
    },
    async dead(tx, parcelIds) {
      await tx.execute(LOSE, [sqlArray(parcelIds)], 'run');
      done('dead', undefined);
    },
    async retried(tx, parcelIds) {
      const found = await tx.execute<{ id: string }[]>(FIND_AGAIN, [sqlArray(parcelIds)], 'all');
      return done(
        'retried',
        found.map((row) => row.id),
      );
    },
  };
  return { [TEST_AGGREGATE_TYPE]: hooks };
}
