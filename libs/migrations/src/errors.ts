/** The database has applied migrations this build does not contain. */
export class UnknownMigrationsError extends Error {
  constructor(readonly names: string[]) {
    super(
      `The database has applied migration(s) this build does not know: ${names.join(', ')}. ` +
        'It was migrated by a newer build. Deploy that build (or newer), or roll the database back ' +
        'with that build\'s `npm run migrate -- down` before starting this one.',
    );
    this.name = 'UnknownMigrationsError';
  }
}

/** `check` found migrations not applied yet. */
export class PendingMigrationsError extends Error {
  constructor(readonly names: string[]) {
    super(`Migrations not applied yet: ${names.join(', ')}. Apply them with \`npm run migrate -- up\`.`);
    this.name = 'PendingMigrationsError';
  }
}
