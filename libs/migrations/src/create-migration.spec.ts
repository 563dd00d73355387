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
import { createMigration, listMigrationInIndex, MigrationNameError, NoSchemaChangesError } from './create-migration';
import { PendingMigrationsError } from './errors';
import { migrationsList } from './migrations';
import { MIGRATIONS_DIR, migratorOrmOptions } from './runner';
import { REPO_ROOT } from './test-support/database';

const REAL_INDEX = join(REPO_ROOT, MIGRATIONS_DIR, 'index.ts');

describe('creating a migration', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase('hub_test_create_migration');
  });
  afterAll(() => db.drop());
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hub-migrations-'));
    await copyFile(REAL_INDEX, join(dir, 'index.ts'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes Migration<timestamp>_<name>.ts and lists it last in index.ts', async () => {
    const created = await createMigration({ databaseUrl: db.url, name: 'supplier_returns', blank: true, dir });

    expect(created.className).toMatch(/^Migration\d{14}_supplier_returns$/);
    expect(await readdir(dir)).toEqual(expect.arrayContaining([`${created.className}.ts`, 'index.ts']));
    const source = await readFile(join(dir, `${created.className}.ts`), 'utf8');
    expect(source).toContain(`export class ${created.className} extends Migration`);
    expect(source).toContain('override async up(): Promise<void>');
    const index = await readFile(join(dir, 'index.ts'), 'utf8');
    expect(index).toContain(`import { ${created.className} } from './${created.className}';`);
    const listed = [...index.matchAll(/name: '(Migration[^']+)'/g)].map((match) => match[1]);
    expect(listed).toEqual([...migrationsList.map((m) => m.name), created.className]);
  });

  it('writes nothing when the entities already match the migrated schema', async () => {
    await expect(createMigration({ databaseUrl: db.url, name: 'nothing_changed', blank: false, dir })).rejects.toThrow(NoSchemaChangesError);
    expect(await readdir(dir)).toEqual(['index.ts']);
    expect(await readFile(join(dir, 'index.ts'), 'utf8')).toBe(await readFile(REAL_INDEX, 'utf8'));
  });

  it('refuses a name that is not snake_case, naming the form it wants', async () => {
    await expect(createMigration({ databaseUrl: db.url, name: 'Supplier Returns', blank: true, dir })).rejects.toThrow(
      new MigrationNameError('Supplier Returns'),
    );
    expect(await readdir(dir)).toEqual(['index.ts']);
  });

  it('refuses a database with migrations still pending: a diff against it would repeat them', async () => {
    const empty = await createEmptyTestDatabase('hub_test_create_pending');
    try {
      await expect(createMigration({ databaseUrl: empty.url, name: 'too_early', blank: false, dir })).rejects.toThrow(PendingMigrationsError);
      expect(await readdir(dir)).toEqual(['index.ts']);
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

describe('listMigrationInIndex', () => {
  it('refuses an index without its list rather than writing a wrong one', () => {
    expect(() => listMigrationInIndex('export const somethingElse = 1;\n', 'Migration20990101000000_x')).toThrow(/migrationsList/);
  });
});
