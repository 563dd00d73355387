/** Helpers for the migration specs: clients, the legacy fixture, fingerprints. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Client } from 'pg';

/** `<repo root>/../shared/fixtures/…`: beside the clone, also in CI's clean clone. */
export const LEGACY_FIXTURE_PATH = fileURLToPath(new URL('../../../../../shared/fixtures/legacy-integration-hub.sql', import.meta.url));

/** The repository's root, for spawning its CLI. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Runs `work` with a client on `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Loads the Python release's database into the (empty) database at `url`. */
export async function loadLegacyFixture(url: string): Promise<void> {
  const sql = await readFile(LEGACY_FIXTURE_PATH, 'utf8');
  await withClient(url, (client) => client.query(sql));
}

/** md5 of every row of integration_logs as text, in id order: equal only if nothing changed. */
export async function logsFingerprint(client: Client): Promise<string> {
  const result = await client.query<{ md5: string }>('select md5(string_agg(logs::text, $1 order by logs.id)) as md5 from integration_logs as logs', ['\n']);
  return result.rows[0]?.md5 ?? '';
}

/** Every column of every table in the public schema with its type, every index and every constraint: a schema fingerprint. */
export async function schemaFingerprint(client: Client): Promise<string[]> {
  const result = await client.query<{ line: string }>(
    `select table_name || '.' || column_name || ' ' || data_type || ' ' || is_identity as line
       from information_schema.columns where table_schema = 'public'
     union all
     select 'index ' || indexdef from pg_indexes where schemaname = 'public'
     union all
     select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
       from pg_constraint where connamespace = 'public'::regnamespace
     order by 1`,
  );
  return result.rows.map((row) => row.line);
}

/** Names recorded in mikro_orm_migrations, in the order they were applied. */
export async function recordedMigrations(client: Client): Promise<string[]> {
  const result = await client.query<{ name: string }>('select name from mikro_orm_migrations order by id');
  return result.rows.map((row) => row.name);
}

/**
 * Records every rewrite of any table (event trigger) and every row changed in integration_logs
 * (row trigger) until `removeChangeAudit`. Needs a superuser, which the test server's user is.
 */
export async function installChangeAudit(client: Client): Promise<void> {
  await client.query(`
    create table audit_rewrites (table_name text not null);
    create table audit_row_changes (operation text not null);
    create function audit_rewrite() returns event_trigger language plpgsql as $$
      begin insert into audit_rewrites values (pg_event_trigger_table_rewrite_oid()::regclass::text); end $$;
    create event trigger audit_rewrite on table_rewrite execute function audit_rewrite();
    create function audit_row_change() returns trigger language plpgsql as $$
      begin insert into audit_row_changes values (tg_op); return null; end $$;
    create trigger audit_row_change after insert or update or delete on integration_logs
      for each row execute function audit_row_change();`);
}

/** What the audit saw; drops it so the schema is as the migrations left it. */
export async function removeChangeAudit(client: Client): Promise<{ rewrites: string[]; rowChanges: string[] }> {
  const rewrites = await client.query<{ table_name: string }>('select table_name from audit_rewrites');
  const rowChanges = await client.query<{ operation: string }>('select operation from audit_row_changes');
  await client.query(`
    drop trigger audit_row_change on integration_logs;
    drop function audit_row_change();
    drop event trigger audit_rewrite;
    drop function audit_rewrite();
    drop table audit_rewrites, audit_row_changes;`);
  return { rewrites: rewrites.rows.map((row) => row.table_name), rowChanges: rowChanges.rows.map((row) => row.operation) };
}
