/**
 * `npx nx run migrations:create --name=<snake_case> [--blank]`: MikroORM's migration generator
 * writes the SQL that brings the database at DATABASE_URL (every migration applied) to the
 * entities, into a new file of libs/migrations/src/migrations; the file is then listed in that
 * folder's names.ts and index.ts, which the runner and the bundled migrator read (never the folder itself).
 * `--blank` writes an empty migration to fill in by hand.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { resolveDatabaseUrl, stopEmbeddedServers } from '@hub/db';
import { MIGRATIONS_DIR, migratorOrmOptions } from './runner';
import { checkMigrations } from './status';

const NAME_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const USAGE = 'Usage: npx nx run migrations:create --name=<snake_case_name> [--blank]';

export class MigrationNameError extends Error {
  constructor(given: string | undefined) {
    super(`${given ? `"${given}" is not a snake_case name.` : 'No --name given.'} ${USAGE}`);
    this.name = 'MigrationNameError';
  }
}

export class NoSchemaChangesError extends Error {
  constructor() {
    super('The entities match the database schema: no migration written. Change an entity first, or pass --blank for a hand-written migration.');
    this.name = 'NoSchemaChangesError';
  }
}

export interface CreatedMigration {
  className: string;
  /** The new file, relative to the repository root. */
  file: string;
}

/** The two files that list the migrations: names.ts (the names, in order) and index.ts (each name's class). */
export interface MigrationListSources {
  names: string;
  index: string;
}

/**
 * `sources` with `className` (a file of the same name in that folder) appended to names.ts's
 * list, and imported and mapped to its name in index.ts. Refuses files whose lists it cannot
 * find rather than writing wrong ones.
 */
export function listMigration(sources: MigrationListSources, className: string): MigrationListSources {
  const namesEnd = sources.names.lastIndexOf('] as const;');
  const classesStart = sources.index.indexOf('const classes');
  const classesEnd = sources.index.indexOf('\n};', classesStart);
  const lastImport = [...sources.index.matchAll(/^import .*\n/gm)].at(-1);
  if (namesEnd === -1 || !sources.names.includes('export const MIGRATION_NAMES')) {
    throw new Error('libs/migrations/src/migrations/names.ts no longer has its `export const MIGRATION_NAMES = [ … ] as const;`');
  }
  if (classesStart === -1 || classesEnd === -1 || lastImport === undefined) {
    throw new Error('libs/migrations/src/migrations/index.ts no longer has its imports and `const classes = { … };`');
  }
  const afterLastImport = lastImport.index + lastImport[0].length;
  return {
    names: `${sources.names.slice(0, namesEnd)}  '${className}',\n${sources.names.slice(namesEnd)}`,
    index:
      sources.index.slice(0, afterLastImport) +
      `import { ${className} } from './${className}';\n` +
      sources.index.slice(afterLastImport, classesEnd + 1) +
      `  ${className},\n` +
      sources.index.slice(classesEnd + 1),
  };
}

/** Writes the next migration into `dir` (default: the repository's) and lists it in its index.ts. */
export async function createMigration(options: { databaseUrl: string; name: string; blank: boolean; dir?: string }): Promise<CreatedMigration> {
  if (!NAME_PATTERN.test(options.name)) throw new MigrationNameError(options.name);
  const dir = options.dir ?? MIGRATIONS_DIR;
  // A diff against a database behind (or ahead of) this build would repeat or undo migrations.
  await checkMigrations(options.databaseUrl);
  const orm = await MikroORM.init(migratorOrmOptions(options.databaseUrl));
  try {
    const created = await orm.getMigrator().createMigration(dir, options.blank, false, options.name);
    if (!created.fileName) throw new NoSchemaChangesError();
    const className = created.fileName.replace(/\.ts$/, '');
    const [namesFile, indexFile] = [join(dir, 'names.ts'), join(dir, 'index.ts')];
    const listed = listMigration({ names: await readFile(namesFile, 'utf8'), index: await readFile(indexFile, 'utf8') }, className);
    await writeFile(namesFile, listed.names);
    await writeFile(indexFile, listed.index);
    return { className, file: join(dir, created.fileName) };
  } finally {
    await orm.close(true);
  }
}

function parseArgs(args: string[]): { name: string | undefined; blank: boolean } {
  let name: string | undefined;
  let blank = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--blank') blank = true;
    else if (arg.startsWith('--name=')) name = arg.slice('--name='.length);
    else if (arg === '--name') name = args[++i];
    else throw new MigrationNameError(undefined);
  }
  return { name, blank };
}

async function main(): Promise<number> {
  try {
    const { name, blank } = parseArgs(process.argv.slice(2));
    if (!name) throw new MigrationNameError(undefined);
    const created = await createMigration({ databaseUrl: await resolveDatabaseUrl(), name, blank });
    process.stdout.write(`Created ${created.file}, listed in ${MIGRATIONS_DIR}/index.ts. Apply it with npm run migrate -- up.\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`migrations:create failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await stopEmbeddedServers();
  }
}

if (require.main === module) void main().then((code) => process.exit(code));
