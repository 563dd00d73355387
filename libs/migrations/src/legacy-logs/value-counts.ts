/**
 * Counts, before the rewrite and in one scan, what will happen to each converted column's
 * values, so the migration's log says how much was converted, emptied and kept aside.
 */
import type { ConvertedColumn, NormalisationPlan } from './plan';
import { LOGS_TABLE, type RunSql } from './table-shape';
import { type Census, jsonOutcomeTests, jsonSource, type OutcomeTests, uuidOutcomeTests, type Parse, type ValueOutcome } from './value-functions';

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

/** What the counting scan found, and how the rewrite that follows it reads values. */
export interface ValueCensus {
  counts: ColumnCounts;
  /** `cast` after a `predict` scan (the rewrite proves the prediction or fails); `catch` after a `catch` scan. */
  parse: Parse;
}

/**
 * Counts, in one scan, what happens to every value of every column `plan` converts; values a
 * `cast` rewrite casts straight are checked or predicted as `census` says (see `Census`). The table is locked, so
 * what this scan saw is what the rewrite will see. Needs the value functions to exist.
 */
export async function countValueOutcomes(runSql: RunSql, plan: NormalisationPlan, census: Census): Promise<ColumnCounts> {
  const columns: Array<{ name: ConvertedColumn; tests: OutcomeTests }> = [
    ...plan.uuidColumns.map((name) => ({ name, tests: uuidOutcomeTests(`${name}::text`, census) })),
    ...plan.jsonColumns.map(({ name, dataType }) => ({ name, tests: jsonOutcomeTests(`${name}::text`, jsonSource(dataType), census) })),
  ];
  if (columns.length === 0) return {};
  // A plain aggregate (no GROUP BY), so PostgreSQL may share the scan with parallel workers when
  // every test is parallel safe (`predict`); kept aside is what neither test claims.
  const [row = {}] = await runSql(`
    select ${columns
      .map(
        ({ name, tests }, i) =>
          `count(${name}) as n${i}, count(*) filter (where ${tests.converts}) as c${i}, count(*) filter (where ${tests.empties}) as e${i}`,
      )
      .join(',\n           ')}
      from ${LOGS_TABLE}`);
  return Object.fromEntries(
    columns.map(({ name }, i) => {
      const [converted, emptied] = [Number(row[`c${i}`]), Number(row[`e${i}`])];
      return [name, { converted, emptied, keptAside: Number(row[`n${i}`]) - converted - emptied }];
    }),
  ) as ColumnCounts;
}

/** One readable sentence: `run_id: 4005 converted, 2 emptied, 1 kept in details._legacy; …`. */
export function describeCounts(counts: ColumnCounts): string {
  return (Object.entries(counts) as [ConvertedColumn, ValueCounts][])
    .map(([name, c]) => `${name}: ${c.converted} converted, ${c.emptied} emptied, ${c.keptAside} ${KEPT_ASIDE_AS[name]}`)
    .join('; ');
}
