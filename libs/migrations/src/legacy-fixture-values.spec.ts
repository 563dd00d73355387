/** The legacy fixture's values after migrateUp, row by row as its closing table lists them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureStdout, createEmptyTestDatabase, type TestDatabase } from '@hub/testing';
import { Client } from 'pg';
import { migrateUp } from './migrate-up';
import { loadLegacyFixture } from './test-support/database';

/** The fixture's formula for generated row g's ids (seed 'run' or 'job'), as a uuid. */
const generatedUuid = (seed: string): string => `(substr(md5('${seed}' || id), 1, 8) || '-' || substr(md5('${seed}' || id), 9, 4)
  || '-4' || substr(md5('${seed}' || id), 14, 3) || '-8' || substr(md5('${seed}' || id), 18, 3)
  || '-' || substr(md5('${seed}' || id), 21, 12))::uuid`;

describe('legacy fixture values after migrateUp', () => {
  let db: TestDatabase;
  let client: Client;
  const row = async (id: number): Promise<Record<string, unknown>> =>
    (
      await client.query(
        `select run_id, request_id, job_id, job_name, payload::text as payload, details::text as details
           from integration_logs where id = $1`,
        [id],
      )
    ).rows[0] as Record<string, unknown>;
  const count = async (where: string): Promise<number> => Number((await client.query(`select count(*) from integration_logs where ${where}`)).rows[0]?.count);

  beforeAll(async () => {
    db = await createEmptyTestDatabase('hub_test_legacy_values');
    await loadLegacyFixture(db.url);
    await migrateUp(db.url, captureStdout('migrations', 'info').logger);
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('keeps valid UUID text as the same UUID (rows 1, 2, 6-9)', async () => {
    expect(await row(1)).toMatchObject({
      run_id: '3f1c6e2a-8b4d-4c1e-9a7f-2d5e8b1c0a41',
      request_id: 'c0a8e1f4-2b6d-4e9a-8c3f-5d7b9e1a2c45',
      job_id: 'e5b7c9d1-3f2a-4b6c-8d0e-1a3c5e7f9b27',
    });
    expect(await row(2)).toMatchObject({ run_id: '7a9e4b12-5c3d-4f8a-b1e6-0c2d4f6a8b13' });
    expect(await row(6)).toMatchObject({ request_id: 'c0a8e1f4-2b6d-4e9a-8c3f-5d7b9e1a2c45' });
    for (const id of [7, 8]) expect(await row(id)).toMatchObject({ run_id: '3f1c6e2a-8b4d-4c1e-9a7f-2d5e8b1c0a41' });
    expect(await row(9)).toMatchObject({
      run_id: '7a9e4b12-5c3d-4f8a-b1e6-0c2d4f6a8b13',
      job_id: 'e5b7c9d1-3f2a-4b6c-8d0e-1a3c5e7f9b27',
    });
  });

  it("keeps the generated rows' UUIDs: run_id in all 4,000, job_id in the 3,920 without a job name", async () => {
    expect(await count(`id > 1000 and run_id = ${generatedUuid('run')} and request_id is null`)).toBe(4000);
    expect(await count(`id > 1000 and id % 50 <> 0 and job_id = ${generatedUuid('job')} and job_name is null`)).toBe(3920);
  });

  it("turns '', 'None' and 'null' into NULL in every column (rows 4 and 5)", async () => {
    const absent = { run_id: null, request_id: null, job_id: null, job_name: null, details: null };
    expect(await row(4)).toEqual({ ...absent, payload: '{}' });
    expect(await row(5)).toEqual({ ...absent, payload: null });
  });

  it('moves job names from job_id to job_name (rows 2, 3 and 80 generated rows)', async () => {
    expect(await row(2)).toMatchObject({ job_id: null, job_name: 'process_outbox_events_job' });
    expect(await row(3)).toMatchObject({ job_id: null, job_name: 'run_internal_replenishment_job' });
    expect(await count(`id > 1000 and id % 50 = 0 and job_id is null and job_name = 'process_outbox_events_job'`)).toBe(80);
    expect(await count('job_name is not null')).toBe(82);
  });

  it('keeps a non-UUID run id under details._legacy, wrapping details that is not an object (row 6)', async () => {
    expect(await row(6)).toMatchObject({
      run_id: null,
      details: '{"value": [1, 2, 3], "_legacy": {"run_id": "run-2025-09-22-0900"}}',
    });
    expect(await count(`details ? '_legacy'`)).toBe(1);
  });

  it('stores details holding JSON text as that JSON value (rows 1, 7-10 and 3,428 generated rows)', async () => {
    expect(await row(1)).toMatchObject({ details: '{"deficit_items": 12}' });
    expect(await row(7)).toMatchObject({ details: '"already a json string"' });
    expect(await row(8)).toMatchObject({ details: '{"error": "TooManyRequests", "attempt": 3}' });
    expect(await row(9)).toMatchObject({ details: '{"lines": 2}' });
    expect(await row(10)).toMatchObject({ details: '42' });
    expect(await count(`id > 1000 and id % 7 <> 0 and details = jsonb_build_object('n', id)`)).toBe(3428);
  });

  it('stores free-text details as a JSON string of that text (row 3 and 572 generated rows)', async () => {
    expect(await row(3)).toMatchObject({ details: '"Timeout after 30s"' });
    expect(await count(`id > 1000 and id % 7 = 0 and details = to_jsonb('retry scheduled for event ' || id)`)).toBe(572);
  });

  it('stores payload as the same JSON value', async () => {
    const payloads: unknown[] = [];
    for (const id of [1, 2, 3, 6, 7, 8, 9, 10]) payloads.push((await row(id))['payload']);
    expect(payloads).toEqual([
      '{"warehouse_id": "0f8c2d4e-6a1b-4c3d-9e5f-7a8b9c0d1e2f"}',
      '{"processed": 0}',
      null,
      '[1, 2, 3]',
      '"plain json string"',
      '{"status": 429, "headers": {"X-Lognex-Retry-After": "1500"}}',
      '{"order": {"lines": [{"qty": 6, "sku": "A-1"}, {"qty": 12, "sku": "B-2"}]}}',
      '42',
    ]);
    expect(await count(`id > 1000 and payload = jsonb_build_object('tick', id, 'batch', id % 10)`)).toBe(4000);
  });
});
