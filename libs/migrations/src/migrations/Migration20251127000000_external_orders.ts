import { Migration } from '@mikro-orm/migrations';

/**
 * Outside orders: what own warehouses cannot cover, ordered from the supplier in МойСклад as a
 * customer order ("заказ покупателя"), one per (run, target warehouse). Constraint names follow
 * MikroORM's (`<table>_<column>_foreign`), so the schema diff stays empty.
 */
export class Migration20251127000000_external_orders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table external_orders (
      id uuid primary key,
      run_id uuid not null constraint external_orders_run_id_foreign references replenishment_runs (id) on update cascade,
      target_warehouse_id uuid not null constraint external_orders_target_warehouse_id_foreign references warehouses (id) on update cascade,
      status text not null default 'pending', external_id text null, external_number text null,
      created_at timestamptz not null default now(), updated_at timestamptz not null default now())`);
    this.addSql('create index external_orders_target_status_index on external_orders (target_warehouse_id, status)');
    this.addSql('create index external_orders_run_index on external_orders (run_id)');
    this.addSql(`create table external_order_lines (
      id uuid primary key,
      external_order_id uuid not null constraint external_order_lines_external_order_id_foreign references external_orders (id) on update cascade on delete cascade,
      product_id uuid not null constraint external_order_lines_product_id_foreign references products (id) on update cascade,
      quantity integer not null, explanation jsonb not null default '{}')`);
    this.addSql('create index external_order_lines_order_index on external_order_lines (external_order_id)');
    this.addSql('create index transfer_orders_run_index on transfer_orders (run_id)');
    this.addSql('create index transfer_order_lines_order_index on transfer_order_lines (transfer_order_id)');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists transfer_order_lines_order_index');
    this.addSql('drop index if exists transfer_orders_run_index');
    this.addSql('drop table if exists external_order_lines');
    this.addSql('drop table if exists external_orders');
  }
}
