import { Migration } from '@mikro-orm/migrations';

/**
 * Operators who sign in to the admin (a role, a scrypt hash, whether they may still sign in),
 * their sessions (the sha256 of the cookie's token, so a leaked table opens no session, and the
 * last request, for the idle timeout), and who started a run from the admin.
 */
export class Migration20261203121200_admin_operators extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table admin_operators (
      id uuid primary key, username text not null, role text not null, password_hash text not null,
      disabled_at timestamptz null, created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(), last_sign_in_at timestamptz null,
      constraint admin_operators_username_unique unique (username))`);
    this.addSql(`create table admin_sessions (
      token_hash text primary key, operator_id uuid not null,
      created_at timestamptz not null default now(), last_seen_at timestamptz not null default now(),
      constraint admin_sessions_operator_id_foreign foreign key (operator_id) references admin_operators (id) on update cascade on delete cascade)`);
    this.addSql('create index admin_sessions_operator_id_index on admin_sessions (operator_id)');
    this.addSql('alter table replenishment_runs add column started_by text null');
  }

  override async down(): Promise<void> {
    this.addSql('alter table replenishment_runs drop column if exists started_by');
    this.addSql('drop table if exists admin_sessions');
    this.addSql('drop table if exists admin_operators');
  }
}
