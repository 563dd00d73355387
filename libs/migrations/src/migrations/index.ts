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

/**
 * Every migration this build knows, oldest first: one line, no branches. Listed
 * explicitly (not globbed from disk) so the bundled `node dist/migrate.js` carries
 * them, and named by string so bundling can never rename what the database recorded.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20250923000000_integration_logs_baseline', class: Migration20250923000000_integration_logs_baseline },
  {
    name: 'Migration20250923000100_normalise_legacy_integration_logs',
    class: Migration20250923000100_normalise_legacy_integration_logs,
  },
  { name: 'Migration20250923000200_replenishment_and_outbox', class: Migration20250923000200_replenishment_and_outbox },
  { name: 'Migration20251127000000_external_orders', class: Migration20251127000000_external_orders },
  { name: 'Migration20251127000200_outbox_claim_index', class: Migration20251127000200_outbox_claim_index },
  { name: 'Migration20251127000300_moysklad_rate_limit', class: Migration20251127000300_moysklad_rate_limit },
  { name: 'Migration20261203120010_moysklad_cool_down', class: Migration20261203120010_moysklad_cool_down },
  { name: 'Migration20261203121200_admin_operators', class: Migration20261203121200_admin_operators },
  { name: 'Migration20261203121210_log_explorer_indexes', class: Migration20261203121210_log_explorer_indexes },
  { name: 'Migration20261203145203_log_explorer_keyset_indexes', class: Migration20261203145203_log_explorer_keyset_indexes },
];
