import { Migration } from '@mikro-orm/migrations';

/**
 * МойСклад switches API access off after persistent 429s (md/_restrictions.md lines 63–69), so
 * the shared limiter counts 429 answers per bucket (`refusals` since `refusals_since`) and, past a
 * threshold, cools every replica down until `cooling_until`.
 */
export class Migration20261203120010_moysklad_cool_down extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table rate_limit_buckets
      add column refusals integer not null default 0,
      add column refusals_since timestamptz null,
      add column cooling_until timestamptz null`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table rate_limit_buckets drop column refusals, drop column refusals_since, drop column cooling_until');
  }
}
