import type { RunSql } from './table-shape';

/** Left by the Python release; kept in place (UNMANAGED_TABLES) so its history stays readable. */
export const ALEMBIC_VERSION_TABLE = 'alembic_version';

/** The Alembic revision(s) recorded in this database, or an empty list when it never had Alembic. */
export async function readAlembicRevisions(runSql: RunSql): Promise<string[]> {
  const [presence] = await runSql(`select to_regclass('${ALEMBIC_VERSION_TABLE}') is not null as present`);
  if (presence?.['present'] !== true) return [];
  const rows = await runSql(`select version_num from ${ALEMBIC_VERSION_TABLE} order by version_num`);
  return rows.map((row) => String(row['version_num']));
}
