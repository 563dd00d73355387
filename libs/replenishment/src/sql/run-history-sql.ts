import type { EntityManager } from '@hub/db';

/** One calendar day of runs: how many, the units they planned to transfer, how long they took on average. */
export interface RunDay {
  /** `YYYY-MM-DD` in the zone asked for. */
  day: string;
  runs: number;
  unitsPlanned: number;
  /** Mean start-to-finish time of the day's finished runs; null when none finished. */
  averageDurationMs: number | null;
}

// Every day of the window appears, runs or not (generate_series); a day is a calendar day in
// the zone given, so "today" is the operators' today.
const SELECT_RUN_DAYS = `
  with days as (
    select generate_series(
      date_trunc('day', ?::timestamptz at time zone ?) - (?::integer - 1) * interval '1 day',
      date_trunc('day', ?::timestamptz at time zone ?),
      interval '1 day') as day
  )
  select to_char(days.day, 'YYYY-MM-DD') as day,
         count(r.id)::integer as runs,
         coalesce(sum((r.counts->>'unitsPlanned')::integer), 0)::integer as "unitsPlanned",
         (avg(extract(epoch from r.finished_at - r.started_at) * 1000) filter (where r.finished_at is not null))::float8 as "averageDurationMs"
    from days
    left join replenishment_runs r
      on r.created_at >= days.day at time zone ? and r.created_at < (days.day + interval '1 day') at time zone ?
   group by days.day
   order by days.day`;

/** The last `days` calendar days up to the one `until` falls in (in `timeZone`, an IANA name), oldest first. */
export async function readRunDays(em: EntityManager, options: { days: number; until: Date; timeZone: string }): Promise<RunDay[]> {
  const until = options.until.toISOString();
  const zone = options.timeZone;
  return em.execute<RunDay[]>(SELECT_RUN_DAYS, [until, zone, options.days, until, zone, zone, zone], 'all');
}
