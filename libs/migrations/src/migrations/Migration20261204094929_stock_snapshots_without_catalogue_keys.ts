import { Migration } from '@mikro-orm/migrations';

/**
 * A run's stock snapshot names warehouses and products without foreign keys (issue 13, P3):
 * PostgreSQL checked each key by a query of its own per row, and a network of 200 warehouses ×
 * 5,000 SKUs stores 1,000,000 rows a run. COPY of those rows took 25.5 s with the three keys,
 * 10.1 s with the run's alone. The ids come from the catalogue in the same transaction and the
 * hub deletes no warehouse or product; the run's key, which deletes a run's snapshot with it, stays.
 */
export class Migration20261204094929_stock_snapshots_without_catalogue_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "stock_snapshots" drop constraint if exists "stock_snapshots_product_id_foreign";`);
    this.addSql(`alter table "stock_snapshots" drop constraint if exists "stock_snapshots_warehouse_id_foreign";`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "stock_snapshots" add constraint "stock_snapshots_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "stock_snapshots" add constraint "stock_snapshots_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouses" ("id") on update cascade;`,
    );
  }
}
