import { createStdoutLogger } from '@hub/logging';
import { Migration } from '@mikro-orm/migrations';
import { prepareLegacyLogsNormalisation } from '../legacy-logs/normalise';
import type { RunSql } from '../legacy-logs/table-shape';

/**
 * Brings a legacy `integration_logs` (Python release: varchar ids, json payload, text details,
 * job names in job_id, serial id) to the entity's shape in one table rewrite, keeping every row
 * and every value (see `legacy-logs/`). Decides per column from the catalogue, so on a new
 * database, or one already normalised, it changes nothing and says so.
 */
export class Migration20250923000100_normalise_legacy_integration_logs extends Migration {
  override async up(): Promise<void> {
    // Inspection and counting must run now (their results shape the DDL), in the migration's
    // own transaction; the DDL itself is queued with addSql like any other migration's.
    const runSql: RunSql = async (sql) => (await this.execute(sql)) as Record<string, unknown>[];
    const statements = await prepareLegacyLogsNormalisation(runSql, createStdoutLogger('migrations'));
    for (const sql of statements) this.addSql(sql);
  }

  override async down(): Promise<void> {
    // Deliberately a no-op. Going back would mean uuid → varchar and jsonb → text for a build
    // that no longer exists, and it could not be exact: job names moved to job_name and ids
    // kept under details._legacy cannot be told apart from values written since. The converted
    // table is what the baseline's entity describes, so migrations below this one work on it.
  }
}
