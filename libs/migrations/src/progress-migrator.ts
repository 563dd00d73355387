import type { Constructor } from '@mikro-orm/core';
import { type Migration, Migrator } from '@mikro-orm/migrations';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { StdoutLogger } from '@hub/logging';

/**
 * A Migrator that logs each migration as it is applied or reverted.
 *
 * Why not `migrator.on('migrating' | 'migrated', …)`: in @mikro-orm/migrations 6.6.16 every
 * `up()`, `down()`, `getExecutedMigrations()` and `getPendingMigrations()` first runs
 * `Migrator.ensureDatabase()`, which rebuilds its Umzug instance whenever
 * `SqlSchemaGenerator.ensureDatabase()` returns true, and that returns true on every call after
 * the first (it caches `lastEnsuredDatabase`, and a cache hit reads as "created"). Listeners
 * live on the Umzug instance, so those added after reading the status are thrown away by the
 * `up()` that should fire them. `initialize()` is where the Migrator turns each migration class
 * into the runnable Umzug executes, and it is called again on every rebuild, so progress
 * reported from here cannot be lost.
 */
export class ProgressLoggingMigrator extends Migrator {
  constructor(
    em: EntityManager,
    private readonly logger: StdoutLogger,
  ) {
    super(em);
  }

  protected override initialize(MigrationClass: Constructor<Migration>, name: string) {
    const runnable = super.initialize(MigrationClass, name);
    const { up, down } = runnable;
    return {
      ...runnable,
      up: async (params: Parameters<typeof up>[0]) => {
        // `this.logger` is read only when a migration runs: the base constructor calls
        // initialize() before this class's constructor has assigned it.
        this.logger.info({ migration: name }, `Applying migration ${name}`);
        const result = await up(params);
        this.logger.info({ migration: name }, `Applied migration ${name}`);
        return result;
      },
      down:
        down &&
        (async (params: Parameters<typeof down>[0]) => {
          this.logger.info({ migration: name }, `Reverting migration ${name}`);
          const result = await down(params);
          this.logger.info({ migration: name }, `Reverted migration ${name}`);
          return result;
        }),
    };
  }
}
