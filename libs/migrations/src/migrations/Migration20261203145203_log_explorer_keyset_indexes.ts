import { Migration } from '@mikro-orm/migrations';

/**
 * The admin's logs explorer pages newest first within a period, by (created_at, id) (issue 13,
 * P5, on 5,000,000 rows): the created_at index gains id, so a page 50 pages deep starts at its
 * cursor row instead of skipping the 5,000 before it, and the order needs no sort; run_id,
 * request_id and job_name gain created_at, so a filtered page reads the newest rows of its
 * own id instead of AND-ing with every row of the period (a run: 2,400 rows against 166,000).
 * Same names, so nothing else that names them changes.
 */
export class Migration20261203145203_log_explorer_keyset_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "ix_integration_logs_created_at";`);
    this.addSql(`drop index if exists "ix_integration_logs_job_name";`);
    this.addSql(`drop index if exists "ix_integration_logs_request_id";`);
    this.addSql(`drop index if exists "ix_integration_logs_run_id";`);

    this.addSql(`create index "ix_integration_logs_created_at" on "integration_logs" ("created_at", "id");`);
    this.addSql(`create index "ix_integration_logs_job_name" on "integration_logs" ("job_name", "created_at");`);
    this.addSql(`create index "ix_integration_logs_request_id" on "integration_logs" ("request_id", "created_at");`);
    this.addSql(`create index "ix_integration_logs_run_id" on "integration_logs" ("run_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "ix_integration_logs_created_at";`);
    this.addSql(`drop index if exists "ix_integration_logs_run_id";`);
    this.addSql(`drop index if exists "ix_integration_logs_request_id";`);
    this.addSql(`drop index if exists "ix_integration_logs_job_name";`);

    this.addSql(`create index "ix_integration_logs_created_at" on "integration_logs" ("created_at");`);
    this.addSql(`create index "ix_integration_logs_run_id" on "integration_logs" ("run_id");`);
    this.addSql(`create index "ix_integration_logs_request_id" on "integration_logs" ("request_id");`);
    this.addSql(`create index "ix_integration_logs_job_name" on "integration_logs" ("job_name");`);
  }
}
