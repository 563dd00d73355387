import type { StdoutLogger } from '@hub/logging';
import { readAlembicRevisions } from './alembic';
import { describePlan, type NormalisationPlan, planNormalisation } from './plan';
import { normalisationStatements } from './statements';
import { LOGS_TABLE, readLogsTableShape, type RunSql } from './table-shape';
import { type ColumnCounts, countValueOutcomes, describeCounts, type ValueCensus } from './value-counts';
import { CREATE_VALUE_FUNCTIONS, DROP_VALUE_FUNCTIONS, type Parse } from './value-functions';

/** Savepoint around the first attempt, so a value jsonb refuses costs that attempt and nothing more. */
const ATTEMPT = 'hub_legacy_cast_attempt';

/**
 * Inspects `integration_logs` and brings it to the entity's shape, logging what it changes and,
 * once done, how many values of each column were converted, emptied and kept aside. Returns
 * those counts, or null when the table already had that shape (and nothing was done). Call it
 * inside a transaction: it locks the table until that transaction ends. Its helper functions
 * live in `pg_temp` and are dropped again before it returns.
 */
export async function normaliseLegacyLogs(runSql: RunSql, logger: StdoutLogger): Promise<ColumnCounts | null> {
  const revisions = await readAlembicRevisions(runSql);
  if (revisions.length > 0) {
    logger.info(
      { alembicRevisions: revisions },
      `Adopted the legacy Alembic revision ${revisions.join(', ')}: MikroORM migrations carry this database on from it ` +
        '(alembic_version is left in place, unmanaged).',
    );
  }
  const plan = planNormalisation(await readLogsTableShape(runSql));
  const changes = describePlan(plan);
  if (changes.length === 0) {
    logger.info(`${LOGS_TABLE} already has the entity's shape: nothing to normalise.`);
    return null;
  }
  logger.info({ changes }, `Normalising legacy ${LOGS_TABLE}: ${changes.join(', ')}.`);
  // The rewrite takes this lock anyway; taking it before counting means the counts describe
  // exactly the rows rewritten (an old release still writing cannot slip rows in between).
  await runSql(`lock table ${LOGS_TABLE} in access exclusive mode`);
  for (const sql of CREATE_VALUE_FUNCTIONS) await runSql(sql);
  const { counts } = await countAndRewrite(runSql, plan, logger);
  const countsText = Object.keys(counts).length > 0 ? ` Values: ${describeCounts(counts)}.` : '';
  logger.info({ changes, counts }, `Normalised legacy ${LOGS_TABLE}.${countsText}`);
  for (const sql of DROP_VALUE_FUNCTIONS) await runSql(sql);
  return counts;
}

/**
 * First the cheap way: a counting scan that predicts text in a UUID's layout and text that may
 * be JSON convert (checking neither, in parallel workers), then a rewrite that casts such text
 * straight, which proves the prediction or fails. A value uuid or jsonb input refuses fails it;
 * then the attempt is rolled back and both are done value by value, as `Parse`'s `catch` says.
 */
async function countAndRewrite(runSql: RunSql, plan: NormalisationPlan, logger: StdoutLogger): Promise<ValueCensus> {
  const attempt = async (parse: Parse): Promise<ValueCensus> => {
    const counts = await countValueOutcomes(runSql, plan, parse === 'cast' ? 'predict' : 'catch');
    for (const sql of normalisationStatements(plan, { counts, parse })) await runSql(sql);
    return { counts, parse };
  };
  await runSql(`savepoint ${ATTEMPT}`);
  try {
    const done = await attempt('cast');
    await runSql(`release savepoint ${ATTEMPT}`);
    return done;
  } catch (error: unknown) {
    // Whatever failed, the value-by-value attempt meets it again and then reports it.
    await runSql(`rollback to savepoint ${ATTEMPT}`);
    await runSql(`release savepoint ${ATTEMPT}`);
    // Said, because it takes longer: each value is checked, and JSON parsed in an exception block.
    logger.info(
      { refused: error instanceof Error ? error.message : String(error) },
      `A legacy ${LOGS_TABLE} value refused a straight cast: normalising value by value instead.`,
    );
    return attempt('catch');
  }
}
