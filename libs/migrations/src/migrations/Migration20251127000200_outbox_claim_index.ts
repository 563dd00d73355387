import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox claim walks undelivered events oldest first and stops after a batch. Without an
 * index in that order it sorts every undelivered event on each claim (70 ms per claim at
 * 50,000 events); with this one it reads just the batch. Partial: delivered events, the bulk
 * of the table over time, are not in it.
 */
export class Migration20251127000200_outbox_claim_index extends Migration {
  override async up(): Promise<void> {
    this.addSql("create index outbox_events_undelivered_index on outbox_events (created_at, id) where status in ('pending', 'in_flight')");
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists outbox_events_undelivered_index');
  }
}
