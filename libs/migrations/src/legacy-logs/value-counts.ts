/**
 * Counts, before the rewrite and in one scan, what will happen to each converted column's
 * values, so the migration's log says how much was converted, emptied and kept aside.
 */
import type { ConvertedColumn, NormalisationPlan } from './plan';
import { LOGS_TABLE, type RunSql } from './table-shape';
import { jsonOutcome, uuidOutcome, VALUE_OUTCOMES, type ValueOutcome } from './value-functions';

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

/** The counts for every column `plan` converts. Needs the value functions to exist. */
export async function countValueOutcomes(runSql: RunSql, plan: NormalisationPlan): Promise<ColumnCounts> {
  const columns = [
    ...plan.uuidColumns.map((name) => ({ name, outcome: uuidOutcome(`${name}::text`) })),
    ...plan.jsonColumns.map(({ name }) => ({ name, outcome: jsonOutcome(`${name}::text`) })),
  ];
  if (columns.length === 0) return {};
  const counters = columns.map(({ name }) => {
    const perOutcome = VALUE_OUTCOMES.map((o) => `'${o}', count(*) filter (where outcome.${name} = '${o}')`);
    return `jsonb_build_object(${perOutcome.join(', ')}) as ${name}`;
  });
  // `offset 0` keeps the lateral subquery from being flattened into every filter: each
  // value is classified once, not once per outcome (three times slower otherwise).
  const [row] = await runSql(`
    select ${counters.join(',\n           ')}
      from ${LOGS_TABLE}
     cross join lateral (select ${columns.map((c) => `${c.outcome} as ${c.name}`).join(', ')} offset 0) as outcome`);
  return Object.fromEntries(columns.map(({ name }) => [name, readCounts(row?.[name])]));
}

function readCounts(value: unknown): ValueCounts {
  const source = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown> | null;
  return Object.fromEntries(VALUE_OUTCOMES.map((outcome) => [outcome, Number(source?.[outcome] ?? 0)])) as ValueCounts;
}

/** One readable sentence: `run_id: 4005 converted, 2 emptied, 1 kept in details._legacy; …`. */
export function describeCounts(counts: ColumnCounts): string {
  return (Object.entries(counts) as [ConvertedColumn, ValueCounts][])
    .map(([name, c]) => `${name}: ${c.converted} converted, ${c.emptied} emptied, ${c.keptAside} ${KEPT_ASIDE_AS[name]}`)
    .join('; ');
}
