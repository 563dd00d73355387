import type { StdoutLogger } from '@hub/logging';
import { readAlembicRevisions } from './alembic';
import { describePlan, planNormalisation } from './plan';
import { normalisationStatements } from './statements';
import { LOGS_TABLE, readLogsTableShape, type RunSql } from './table-shape';
import { countValueOutcomes, describeCounts } from './value-counts';
import { CREATE_VALUE_FUNCTIONS, DROP_VALUE_FUNCTIONS } from './value-functions';

/**
 * Inspects `integration_logs`, logs what it will change (with per-column value counts), and
 * returns the statements that bring it to the entity's shape; run them in this same session
 * and transaction, in order. Returns no statements when the table already has that shape.
 * Call it inside a transaction: it locks the table until that transaction ends. It changes no
 * table or row itself: its helper functions live in `pg_temp`, and the last statements
 * returned drop them again.
 */
export async function prepareLegacyLogsNormalisation(runSql: RunSql, logger: StdoutLogger): Promise<string[]> {
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
    return [];
  }
  // The rewrite takes this lock anyway; taking it before counting means the counts describe
  // exactly the rows rewritten (an old release still writing cannot slip rows in between).
  await runSql(`lock table ${LOGS_TABLE} in access exclusive mode`);
  for (const sql of CREATE_VALUE_FUNCTIONS) await runSql(sql);
  const census = await countValueOutcomes(runSql, plan);
  const { counts } = census;
  const countsText = Object.keys(counts).length > 0 ? ` Values: ${describeCounts(counts)}.` : '';
  logger.info({ changes, counts }, `Normalising legacy ${LOGS_TABLE}: ${changes.join(', ')}.${countsText}`);
  return [...normalisationStatements(plan, census), ...DROP_VALUE_FUNCTIONS];
}
