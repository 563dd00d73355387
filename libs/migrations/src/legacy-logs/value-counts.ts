/**
 * Counts, before the rewrite and in one scan, what will happen to each converted column's
 * values, so the migration's log says how much was converted, emptied and kept aside.
 */
import type { ConvertedColumn, NormalisationPlan } from './plan';
import { LOGS_TABLE, type RunSql } from './table-shape';
import { type JsonParse, jsonOutcome, jsonSource, uuidOutcome, VALUE_OUTCOMES, type ValueOutcome } from './value-functions';

/** How many non-NULL values of one column end up converted, emptied (NULL) or kept aside. */
export type ValueCounts = Record<ValueOutcome, number>;
/** Per column the plan converts; columns already in shape are absent. */
export type ColumnCounts = Partial<Record<ConvertedColumn, ValueCounts>>;

/** Where each column's kept-aside values go, for the log line. */
const KEPT_ASIDE_AS: Record<ConvertedColumn, string> = {
  run_id: 'kept in details._legacy',
  request_id: 'kept in details._legacy',
  job_id: 'moved to job_name',
  payload: 'kept as JSON strings',
  details: 'kept as JSON strings',
};

/** What the counting scan found: the counts, and what lets the rewrite do less. */
export interface ValueCensus {
  counts: ColumnCounts;
  /**
   * `cast` when every value that may be JSON was cast to jsonb without an error (so the
   * rewrite casts them straight too); `catch` when one was refused and the scan had to go
   * value by value through the exception block (so the rewrite does the same).
   */
  jsonParse: JsonParse;
}

/** Savepoint around the set-based attempt, so a refused value costs the attempt and nothing more. */
const ATTEMPT = 'hub_legacy_census';

/**
 * Counts, in one scan, what happens to every value of every column `plan` converts. The scan
 * first casts every value that may be JSON straight to jsonb, with no exception block; only
 * when jsonb refuses one (the statement fails) does it scan again, catching value by value.
 * The table is locked, so what this scan saw is what the rewrite will see. Needs the value
 * functions to exist.
 */
export async function countValueOutcomes(runSql: RunSql, plan: NormalisationPlan): Promise<ValueCensus> {
  await runSql(`savepoint ${ATTEMPT}`);
  try {
    const counts = await countWith(runSql, plan, 'cast');
    await runSql(`release savepoint ${ATTEMPT}`);
    return { counts, jsonParse: 'cast' };
  } catch {
    // Whatever failed, the value-by-value scan meets it again and then reports it.
    await runSql(`rollback to savepoint ${ATTEMPT}`);
    await runSql(`release savepoint ${ATTEMPT}`);
    return { counts: await countWith(runSql, plan, 'catch'), jsonParse: 'catch' };
  }
}

async function countWith(runSql: RunSql, plan: NormalisationPlan, parse: JsonParse): Promise<ColumnCounts> {
  const columns = [
    ...plan.uuidColumns.map((name) => ({ name, outcome: uuidOutcome(`${name}::text`) })),
    ...plan.jsonColumns.map(({ name, dataType }) => ({ name, outcome: jsonOutcome(`${name}::text`, jsonSource(dataType), parse) })),
  ];
  if (columns.length === 0) return {};
  // Each value is classified once, into a digit (base 4: NULL, then VALUE_OUTCOMES); a row's
  // digits make one small integer to group by. `cast` helpers are parallel safe: PostgreSQL
  // classifies in parallel workers, each hashing its part (a million rows: 6.4 s alone, 4.7 s
  // with two workers on a busy 2-core machine). `catch` helpers open subtransactions, which
  // workers cannot: that scan runs alone, and `offset 0` hides the columns from the planner's
  // group estimate (it would multiply their distinct values and sort a million rows), so a
  // subquery output column gets the default estimate and the groups are hashed.
  const digit = (outcome: string, index: number) =>
    `(case ${outcome} ${VALUE_OUTCOMES.map((o, d) => `when '${o}' then ${d + 1}`).join(' ')} else 0 end) * ${4 ** index}`;
  const rows = await runSql(`
    select outcomes, count(*) as n
      from (select ${columns.map((c, index) => digit(c.outcome, index)).join('\n                 + ')} as outcomes
              from ${LOGS_TABLE}${parse === 'catch' ? ' offset 0' : ''}) as classified
     group by outcomes`);
  const counts = Object.fromEntries(columns.map(({ name }) => [name, noValues()])) as Record<ConvertedColumn, ValueCounts>;
  for (const row of rows) {
    columns.forEach(({ name }, index) => {
      const outcome = VALUE_OUTCOMES[(Math.floor(Number(row['outcomes']) / 4 ** index) % 4) - 1];
      if (outcome !== undefined) counts[name][outcome] += Number(row['n']);
    });
  }
  return counts;
}

function noValues(): ValueCounts {
  return Object.fromEntries(VALUE_OUTCOMES.map((outcome) => [outcome, 0])) as ValueCounts;
}

/** One readable sentence: `run_id: 4005 converted, 2 emptied, 1 kept in details._legacy; …`. */
export function describeCounts(counts: ColumnCounts): string {
  return (Object.entries(counts) as [ConvertedColumn, ValueCounts][])
    .map(([name, c]) => `${name}: ${c.converted} converted, ${c.emptied} emptied, ${c.keptAside} ${KEPT_ASIDE_AS[name]}`)
    .join('; ');
}
