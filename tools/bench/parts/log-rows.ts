/**
 * P5's table: `integration_logs` filled by one INSERT … SELECT generate_series, shaped like
 * what the hub writes (deterministic: every value is a hash of the row's number).
 * 30 days ending at `now`, in time order as the hub appends them; of every 20 rows
 *   8 the API's request lines (step http, a request id per 8 rows),
 *   7 a replenishment run's lines (job run_internal_replenishment_job, one run an hour,
 *     fetch_stock / plan / plan_transfers / create_customer_order; 1 in 200 an ERROR
 *     "Request to 1С timed out …"),
 *   4 the outbox's (job process_outbox_events_job; 1 in 50 a WARNING "МойСклад answered 429 …"),
 *   1 the admin's (an operator signing in, opening a page).
 * The indexes the migrations made are dropped for the load and created again from their own
 * definitions (pg_get_indexdef) afterwards, the same indexes, built once instead of row by row;
 * then ANALYZE (no VACUUM: the table is as freshly written as a busy one).
 */
import type { Client } from 'pg';

export const LOG_DAYS = 30;
export const OUTBOX_JOB = 'process_outbox_events_job';
export const RUN_JOB = 'run_internal_replenishment_job';
/** A phrase only the run's ERROR lines hold (about 0.2% of the rows): the text search's needle. */
export const RARE_PHRASE = 'timed out';

/** A version 4 UUID (as the hub's randomUUID makes them, so the admin's form takes it) hashed from `text`. */
const uuidOf = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

// $1 rows, $2 the newest row's time, $3 rows an hour (a run's block).
const FILL = `
  insert into integration_logs (created_at, level, message, source, run_id, request_id, job_id, job_name, step, status, external_system, elapsed_ms, payload)
  select created_at,
         case when kind = 'run' and h % 200 = 0 then 'ERROR' when kind = 'outbox' and h % 50 = 0 then 'WARNING'
              when kind = 'api' and h % 100 = 0 then 'WARNING' when h % 13 = 0 then 'DEBUG' else 'INFO' end,
         case kind
           when 'api' then format('%s %s %s in %s ms', (array['GET','GET','GET','POST'])[1 + h % 4],
                                  (array['/api/v1/runs','/api/v1/orders','/ready','/api/v1/stock?warehouse=W-' || lpad((h % 200)::text, 4, '0'),'/api/v1/runs/' || ${uuidOf(`'run-' || g / $3`)}])[1 + h % 5],
                                  case when h % 100 = 0 then 503 else 200 end, 1 + h % 90)
           when 'run' then case
             when h % 200 = 0 then format('Request to 1С timed out after 30000 ms (warehouse W-%s)', lpad((h % 200)::text, 4, '0'))
             when h % 4 = 0 then format('Fetched stock of warehouse W-%s: %s SKUs', lpad((h % 200)::text, 4, '0'), 4000 + h % 1000)
             when h % 4 = 1 then format('Planned %s units of SKU-%s for warehouse W-%s', 1 + h % 40, lpad((h % 5000)::text, 6, '0'), lpad((h % 200)::text, 4, '0'))
             when h % 4 = 2 then format('Transfer order TO-%s: %s lines from W-%s to W-%s', g, 1 + h % 60, lpad((h % 200)::text, 4, '0'), lpad((h / 7 % 200)::text, 4, '0'))
             else format('Customer order for warehouse W-%s sent to МойСклад: %s lines', lpad((h % 200)::text, 4, '0'), 1 + h % 80) end
           when 'outbox' then case
             when h % 50 = 0 then format('МойСклад answered 429, retrying in %s s', 1 + h % 5)
             when h % 2 = 0 then format('Delivered event %s to %s in %s ms', ${uuidOf(`'event-' || g`)}, (array['moysklad','1c'])[1 + h % 2], 20 + h % 400)
             else format('Outbox tick finished: %s delivered, %s failed', h % 30, h % 3) end
           else format('Operator operator-%s %s', h % 12, (array['signed in','opened the logs page','opened the runs page','signed out'])[1 + h % 4])
         end,
         case kind when 'api' then 'api' when 'admin' then 'admin' else 'scheduler' end,
         case when kind = 'run' then ${uuidOf(`'run-' || g / $3`)} end,
         case when kind = 'api' then ${uuidOf(`'request-' || g / 20`)} end,
         case when kind = 'run' then ${uuidOf(`'job-' || g / $3`)} when kind = 'outbox' then ${uuidOf(`'tick-' || g / 40`)} end,
         case kind when 'run' then '${RUN_JOB}' when 'outbox' then '${OUTBOX_JOB}' end,
         case when kind = 'api' then 'http' when kind = 'outbox' then (array['deliver_outbox_event','tick'])[1 + h % 2]
              when kind = 'run' then (array['fetch_stock','plan','plan_transfers','create_customer_order'])[1 + h % 4] end,
         case when kind = 'admin' then null when h % 200 = 0 then 'failed' else 'ok' end,
         case when kind = 'outbox' then (array['moysklad','1c'])[1 + h % 2] when kind = 'run' and h % 4 = 0 then '1c'
              when kind = 'run' and h % 4 = 3 then 'moysklad' end,
         case when kind in ('api', 'outbox') then 1 + h % 400 end,
         case when kind = 'run' then jsonb_build_object('warehouse', 'W-' || lpad((h % 200)::text, 4, '0'), 'lines', 1 + h % 60) end
    from (select g,
                 $2::timestamptz - ($1 - g) * (${LOG_DAYS} * interval '1 day' / $1) as created_at,
                 hashint4(g) & 2147483647 as h,
                 case when g % 20 < 8 then 'api' when g % 20 < 15 then 'run' when g % 20 < 19 then 'outbox' else 'admin' end as kind
            from generate_series(1, $1::integer) as g) as source`;

/** Fills the (empty, migrated) table with `rows` rows ending at `now`; returns the seconds it took. */
export async function fillLogs(client: Client, rows: number, now: Date): Promise<number> {
  const started = performance.now();
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `select c.relname as name, pg_get_indexdef(c.oid) as definition
       from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = 'integration_logs'::regclass and not i.indisprimary`,
  );
  for (const index of indexes) await client.query(`drop index ${index.name}`);
  await client.query(`set maintenance_work_mem = '256MB'`);
  await client.query(FILL, [rows, now.toISOString(), Math.ceil(rows / (LOG_DAYS * 24))]);
  for (const index of indexes) await client.query(index.definition);
  await client.query('analyze integration_logs');
  return (performance.now() - started) / 1000;
}
