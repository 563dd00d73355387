/**
 * Run as its own process (`tsx`): applies migrations to the database at argv[2] as an app's
 * start does, then prints how many it applied and whether MikroORM's migrator was loaded.
 */
import { createRequire } from 'node:module';
import { createStdoutLogger } from '@hub/logging';
import { migrateUp } from '../migrate-up';

async function probe(databaseUrl: string): Promise<void> {
  const applied = await migrateUp(databaseUrl, createStdoutLogger('probe', 'warn'));
  // The module cache is the process's one, whichever file's require is asked for it.
  const loaded = Object.keys(createRequire(__filename).cache).filter((path) => /node_modules\/(@mikro-orm\/migrations|umzug)\//.test(path));
  process.stdout.write(`\n${JSON.stringify({ applied: applied.length, migratorLoaded: loaded.length > 0 })}\n`);
}

void probe(process.argv[2] ?? '');
