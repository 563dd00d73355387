import type { EntityManager } from '@hub/db';

/** The message of the INFO row a scheduler's outbox tick writes, its payload the tick's counts (a DrainResult). */
export const OUTBOX_TICK_FINISHED = 'Outbox tick finished';

/** One hour of deliveries by result: delivered, failed and due again, given up on (dead). */
export interface DeliveryHour {
  /** The hour's start. */
  hour: Date;
  delivered: number;
  retried: number;
  dead: number;
}

// Every hour of the window appears (generate_series). The ticks' own rows are the record of
// attempts: outbox_events keeps only each event's latest state.
const SELECT_DELIVERY_HOURS = `
  with hours as (
    select generate_series(date_trunc('hour', ?::timestamptz) - (?::integer - 1) * interval '1 hour', date_trunc('hour', ?::timestamptz), interval '1 hour') as hour
  )
  select hours.hour,
         coalesce(sum((l.payload->>'delivered')::integer), 0)::integer as delivered,
         coalesce(sum((l.payload->>'retried')::integer), 0)::integer as retried,
         coalesce(sum((l.payload->>'dead')::integer), 0)::integer as dead
    from hours
    left join integration_logs l
      on l.created_at >= hours.hour and l.created_at < hours.hour + interval '1 hour' and l.message = ?
   group by hours.hour
   order by hours.hour`;

/** The last `hours` hours up to the one `until` falls in, oldest first, summed over every replica's ticks. */
export async function readDeliveryHours(em: EntityManager, options: { hours: number; until: Date }): Promise<DeliveryHour[]> {
  const until = options.until.toISOString();
  const rows = await em.execute<(Omit<DeliveryHour, 'hour'> & { hour: string | Date })[]>(
    SELECT_DELIVERY_HOURS,
    [until, options.hours, until, OUTBOX_TICK_FINISHED],
    'all',
  );
  return rows.map((row) => ({ ...row, hour: new Date(row.hour) }));
}
