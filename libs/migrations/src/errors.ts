/** The database has applied migrations this build does not contain. */
export class UnknownMigrationsError extends Error {
  constructor(readonly names: string[]) {
    super(
      `The database has applied migration(s) this build does not know: ${names.join(', ')}. ` +
        'It was migrated by a newer build. Deploy that build (or newer), or roll the database back ' +
        "with that build's `npm run migrate -- down` (in its image: `node dist/migrate.js down`) before starting this one.",
    );
    this.name = 'UnknownMigrationsError';
  }
}

/** `check` found migrations not applied yet. */
export class PendingMigrationsError extends Error {
  constructor(readonly names: string[]) {
    super(`Migrations not applied yet: ${names.join(', ')}. Apply them with \`npm run migrate -- up\` (in an image: \`node dist/migrate.js up\`).`);
    this.name = 'PendingMigrationsError';
  }
}

/**
 * A migration failed during `up`. The run applies its migrations in one transaction, so every
 * migration of the run was rolled back (even those logged as applied) and the database is as it was.
 */
export class MigrationRunFailedError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${reason} Nothing was applied: this run's migrations were rolled back together; the database is as it was.`, {
      cause,
    });
    this.name = 'MigrationRunFailedError';
  }
}
