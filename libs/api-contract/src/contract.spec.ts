import { describe, expect, it } from 'vitest';
import { timestamp } from './common';
import { apiErrorSchema, runInProgressSchema } from './errors';
import { listOutboxRoute } from './outbox';
import { listRunsRoute } from './runs';
import { triggerBodySchema, triggerQuerySchema } from './trigger';

const RUN_ID = '5b0a4c1e-8f7d-4e7a-9d51-2f3b6c7d8e90';
const firstIssue = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string; code: string }[] } }) => {
  const issue = result.error?.issues[0];
  return issue && { path: issue.path.join('.'), message: issue.message, code: issue.code };
};

describe('the contract the API validates with and the admin reads with', () => {
  const runsQuery = listRunsRoute.request.query;

  it('takes a page size of digits from 1 to 200, 50 when none is given', () => {
    expect(runsQuery.parse({})).toEqual({ limit: 50 });
    expect(runsQuery.parse({ limit: '200', status: 'failed' })).toEqual({ limit: 200, status: 'failed' });
    for (const limit of ['0', '201', '1e2', ' 5', '0x10', '']) {
      expect(firstIssue(runsQuery.safeParse({ limit })), limit).toEqual({
        path: 'limit',
        code: expect.any(String),
        message: 'must be a whole number from 1 to 200',
      });
    }
  });

  it('refuses a misspelt filter rather than list everything, and `before` outside the outbox', () => {
    expect(firstIssue(runsQuery.safeParse({ stauts: 'failed' }))).toMatchObject({ code: 'unrecognized_keys' });
    expect(firstIssue(runsQuery.safeParse({ before: RUN_ID }))).toMatchObject({ code: 'unrecognized_keys' });
    expect(listOutboxRoute.request.query.parse({ before: RUN_ID })).toEqual({ before: RUN_ID, limit: 50 });
  });

  it('reads dry_run as a boolean and refuses what only the scheduler may claim', () => {
    expect(triggerQuerySchema.parse({ dry_run: 'true' })).toEqual({ dry_run: true });
    expect(firstIssue(triggerQuerySchema.safeParse({ dry_run: 'yes' }))).toMatchObject({ path: 'dry_run', message: 'must be true or false' });
    expect(firstIssue(triggerBodySchema.safeParse({ trigger: 'schedule' }))).toMatchObject({ path: 'trigger', message: 'must be one of endpoint, admin' });
  });

  it('takes timestamps as the API writes them: toISOString() and PostgreSQL JSON with an offset', () => {
    expect(timestamp.safeParse('2026-12-03T09:00:00.000Z').success).toBe(true);
    expect(timestamp.safeParse('2026-12-03T09:00:00.123456+00:00').success).toBe(true);
    expect(timestamp.safeParse('2026-12-03 09:00:00').success).toBe(false);
  });

  it('has one error shape; a 409 for a run in progress must name the run', () => {
    expect(apiErrorSchema.safeParse({ error: { code: 'http_418', message: 'I am a teapot' } }).success).toBe(true);
    expect(apiErrorSchema.safeParse({ error: { code: 'teapot', message: 'I am a teapot' } }).success).toBe(false);
    expect(runInProgressSchema.safeParse({ error: { code: 'run_in_progress', message: 'busy' } }).success).toBe(false);
    expect(runInProgressSchema.safeParse({ error: { code: 'run_in_progress', message: 'busy', run_id: RUN_ID } }).success).toBe(true);
  });
});
