import { createStdoutLogger } from '@hub/logging';
import { Migration } from '@mikro-orm/migrations';
import { normaliseLegacyLogs } from '../legacy-logs/normalise';
import type { RunSql } from '../legacy-logs/table-shape';

/**
 * Brings a legacy `integration_logs` (Python release: varchar ids, json payload, text details,
 * job names in job_id, serial id) to the entity's shape in one table rewrite, keeping every row
 * and every value (see `legacy-logs/`). Decides per column from the catalogue, so on a new
 * database, or one already normalised, it changes nothing and says so.
 */
export class Migration20250923000100_normalise_legacy_integration_logs extends Migration {
  override async up(): Promise<void> {
    // Run now, in the migration's own transaction, rather than queued with addSql: what the
    // inspection and the counting find shapes the DDL, and a first attempt may be rolled back
    // to a savepoint and made again another way (see normaliseLegacyLogs).
    const runSql: RunSql = async (sql) => (await this.execute(sql)) as Record<string, unknown>[];
    await normaliseLegacyLogs(runSql, createStdoutLogger('migrations'));
  }

  override async down(): Promise<void> {
    // Deliberately a no-op. Going back would mean uuid → varchar and jsonb → text for a build
    // that no longer exists, and it could not be exact: job names moved to job_name and ids
    // kept under details._legacy cannot be told apart from values written since. The converted
    // table is what the baseline's entity describes, so migrations below this one work on it.
  }
}
