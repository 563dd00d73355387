/*
 * The names of every migration this build knows, oldest first: what the database records.
 * Apart from the classes (index.ts) so that a start whose schema is current can compare
 * without loading MikroORM's migrator, umzug and their command-line dependencies.
 */
export const MIGRATION_NAMES = [
  'Migration20250923000000_integration_logs_baseline',
  'Migration20250923000100_normalise_legacy_integration_logs',
  'Migration20250923000200_replenishment_and_outbox',
  'Migration20251127000000_external_orders',
  'Migration20251127000200_outbox_claim_index',
  'Migration20251127000300_moysklad_rate_limit',
  'Migration20261203120010_moysklad_cool_down',
  'Migration20261203121200_admin_operators',
  'Migration20261203121210_log_explorer_indexes',
  'Migration20261203145203_log_explorer_keyset_indexes',
  'Migration20261204094929_stock_snapshots_without_catalogue_keys',
] as const;

export type MigrationName = (typeof MIGRATION_NAMES)[number];
