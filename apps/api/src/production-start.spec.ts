import { describe, expect, it } from 'vitest';
import { findFreePort, startApiProcess } from '@hub/testing';

const TOKEN = 'production-start-token-5d2a';

/** The api's real main, as the image starts it (NODE_ENV=production); no database is needed to refuse. */
describe('the API process in production', () => {
  it('refuses to start without API_TOKEN: one line naming it and the way out, exit code 1, the token never printed', async () => {
    const nowhere = `http://127.0.0.1:${await findFreePort()}`;
    const start = startApiProcess({ databaseUrl: `postgres://hub:${TOKEN}@127.0.0.1:9/none`, oneCBaseUrl: nowhere, env: { NODE_ENV: 'production' } });
    const failure = await start.then(
      () => new Error('the API started'),
      (error: unknown) => error as Error,
    );
    expect(failure.message).toContain('(code 1)');
    const written = failure.message.split('\n').slice(1);
    expect(written).toHaveLength(1);
    expect(JSON.parse(written[0] ?? '{}')).toMatchObject({
      level: 'CRITICAL',
      msg: expect.stringMatching(/^api failed to start: API_TOKEN is required with NODE_ENV=production: .* or set API_AUTH=off/),
    });
    expect(failure.message).not.toContain(TOKEN);
  });
});
