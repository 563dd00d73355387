import { Migration } from '@mikro-orm/migrations';

/**
 * A request limiter shared by every scheduler replica, so that together they keep to
 * МойСклад's documented limits (requests per window, parallel requests). One row per
 * limited bucket (locked to serialise grants, and carrying a "blocked until" after a 429);
 * one row per granted request: when, how many units, and the lease of its parallel slot.
 */
export class Migration20251127000300_moysklad_rate_limit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table rate_limit_buckets (
      name text primary key, blocked_until timestamptz null, updated_at timestamptz not null default now())`);
    this.addSql(`create table rate_limit_permits (
      id uuid primary key, bucket text not null, units integer not null,
      granted_at timestamptz not null, lease_expires_at timestamptz null)`);
    this.addSql('create index rate_limit_permits_bucket_granted_index on rate_limit_permits (bucket, granted_at)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists rate_limit_permits');
    this.addSql('drop table if exists rate_limit_buckets');
  }
}
