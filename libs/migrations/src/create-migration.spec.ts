/**
 * `nx run migrations:create`: a new migration file, listed in the index the runner reads;
 * nothing written when there is nothing to migrate, the name is bad or the database is behind.
 * Also the entities against the migrated schema: what `npx mikro-orm schema:update --dump` prints.
 */
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { createEmptyTestDatabase, createTestDatabase, type TestDatabase } from '@hub/testing';
import { createMigration, listMigration, MigrationNameError, NoSchemaChangesError } from './create-migration';
import { PendingMigrationsError } from './errors';
import { MIGRATION_NAMES } from './migrations/names';
import { MIGRATIONS_DIR, migratorOrmOptions } from './runner';
import { REPO_ROOT } from './test-support/database';

const LIST_FILES = ['index.ts', 'names.ts'];
const real = (file: string) => join(REPO_ROOT, MIGRATIONS_DIR, file);

describe('creating a migration', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase('hub_test_create_migration');
  });
  afterAll(() => db.drop());
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hub-migrations-'));
    for (const file of LIST_FILES) await copyFile(real(file), join(dir, file));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes Migration<timestamp>_<name>.ts, lists its name last in names.ts and maps it to its class in index.ts', async () => {
    const created = await createMigration({ databaseUrl: db.url, name: 'supplier_returns', blank: true, dir });

    expect(created.className).toMatch(/^Migration\d{14}_supplier_returns$/);
    expect(await readdir(dir)).toEqual(expect.arrayContaining([`${created.className}.ts`, ...LIST_FILES]));
    const source = await readFile(join(dir, `${created.className}.ts`), 'utf8');
    expect(source).toContain(`export class ${created.className} extends Migration`);
    expect(source).toContain('override async up(): Promise<void>');
    const index = await readFile(join(dir, 'index.ts'), 'utf8');
    expect(index).toContain(`import { ${created.className} } from './${created.className}';`);
    const mapped = [...index.matchAll(/^ {2}(Migration\w+),$/gm)].map((match) => match[1]);
    expect(mapped).toEqual([...MIGRATION_NAMES, created.className]);
    const names = await readFile(join(dir, 'names.ts'), 'utf8');
    const listed = [...names.matchAll(/^ {2}'(Migration\w+)',$/gm)].map((match) => match[1]);
    expect(listed).toEqual([...MIGRATION_NAMES, created.className]);
  });

  it('writes nothing when the entities already match the migrated schema', async () => {
    await expect(createMigration({ databaseUrl: db.url, name: 'nothing_changed', blank: false, dir })).rejects.toThrow(NoSchemaChangesError);
    expect(await readdir(dir)).toEqual(LIST_FILES);
    for (const file of LIST_FILES) expect(await readFile(join(dir, file), 'utf8')).toBe(await readFile(real(file), 'utf8'));
  });

  it('refuses a name that is not snake_case, naming the form it wants', async () => {
    await expect(createMigration({ databaseUrl: db.url, name: 'Supplier Returns', blank: true, dir })).rejects.toThrow(
      new MigrationNameError('Supplier Returns'),
    );
    expect(await readdir(dir)).toEqual(LIST_FILES);
  });

  it('refuses a database with migrations still pending: a diff against it would repeat them', async () => {
    const empty = await createEmptyTestDatabase('hub_test_create_pending');
    try {
      await expect(createMigration({ databaseUrl: empty.url, name: 'too_early', blank: false, dir })).rejects.toThrow(PendingMigrationsError);
      expect(await readdir(dir)).toEqual(LIST_FILES);
    } finally {
      await empty.drop();
    }
  });
});

describe('the entities and the migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('hub_test_schema_drift');
  });
  afterAll(() => db.drop());

  it('agree: after every migration, the schema update MikroORM would dump is empty', async () => {
    const orm = await MikroORM.init(migratorOrmOptions(db.url));
    try {
      expect(await orm.getSchemaGenerator().getUpdateSchemaSQL()).toBe('');
    } finally {
      await orm.close(true);
    }
  });
});

describe('listMigration', () => {
  const sources = {
    names: "export const MIGRATION_NAMES = [\n  'Migration1',\n] as const;\n",
    index: "import { Migration1 } from './Migration1';\n\nconst classes = {\n  Migration1,\n};\n",
  };

  it('refuses files without their lists rather than writing wrong ones', () => {
    expect(() => listMigration({ ...sources, names: 'export const somethingElse = 1;\n' }, 'Migration2')).toThrow(/MIGRATION_NAMES/);
    expect(() => listMigration({ ...sources, index: 'export const somethingElse = 1;\n' }, 'Migration2')).toThrow(/const classes/);
  });

  it('appends the name and maps it to its imported class', () => {
    expect(listMigration(sources, 'Migration2')).toEqual({
      names: "export const MIGRATION_NAMES = [\n  'Migration1',\n  'Migration2',\n] as const;\n",
      index: "import { Migration1 } from './Migration1';\nimport { Migration2 } from './Migration2';\n\nconst classes = {\n  Migration1,\n  Migration2,\n};\n",
    });
  });
});
