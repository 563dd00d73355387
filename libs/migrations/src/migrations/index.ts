import type { MigrationObject } from '@mikro-orm/core';
import { Migration20250923000000_integration_logs_baseline } from './Migration20250923000000_integration_logs_baseline';
import { Migration20250923000100_normalise_legacy_integration_logs } from './Migration20250923000100_normalise_legacy_integration_logs';
import { Migration20250923000200_replenishment_and_outbox } from './Migration20250923000200_replenishment_and_outbox';
import { Migration20251127000000_external_orders } from './Migration20251127000000_external_orders';
import { Migration20251127000200_outbox_claim_index } from './Migration20251127000200_outbox_claim_index';
import { Migration20251127000300_moysklad_rate_limit } from './Migration20251127000300_moysklad_rate_limit';
import { Migration20261203120010_moysklad_cool_down } from './Migration20261203120010_moysklad_cool_down';
import { Migration20261203121200_admin_operators } from './Migration20261203121200_admin_operators';
import { Migration20261203121210_log_explorer_indexes } from './Migration20261203121210_log_explorer_indexes';
import { Migration20261203145203_log_explorer_keyset_indexes } from './Migration20261203145203_log_explorer_keyset_indexes';
import { Migration20261204094929_stock_snapshots_without_catalogue_keys } from './Migration20261204094929_stock_snapshots_without_catalogue_keys';
import { MIGRATION_NAMES, type MigrationName } from './names';

/** Each name of names.ts with its class: a name without a class, or a class without a name, does not compile. */
const classes: Record<MigrationName, MigrationObject['class']> = {
  Migration20250923000000_integration_logs_baseline,
  Migration20250923000100_normalise_legacy_integration_logs,
  Migration20250923000200_replenishment_and_outbox,
  Migration20251127000000_external_orders,
  Migration20251127000200_outbox_claim_index,
  Migration20251127000300_moysklad_rate_limit,
  Migration20261203120010_moysklad_cool_down,
  Migration20261203121200_admin_operators,
  Migration20261203121210_log_explorer_indexes,
  Migration20261203145203_log_explorer_keyset_indexes,
  Migration20261204094929_stock_snapshots_without_catalogue_keys,
};

/**
 * Every migration this build knows, in the order of names.ts. Listed explicitly (not
 * globbed from disk) so the bundled `node dist/migrate.js` carries them, and named by
 * string so bundling can never rename what the database recorded.
 */
export const migrationsList: MigrationObject[] = MIGRATION_NAMES.map((name) => ({ name, class: classes[name] }));
