import { describe, expect, it } from 'vitest';
import { isSecretKey, REDACTED, redactText } from './redaction';

describe('the redaction policy', () => {
  it('hides the password of every URL in a text and keeps the rest of the URL', () => {
    expect(redactText('connect to postgres://hub:s3cr3t@db:5432/hub failed, then http://a:b@x/y')).toBe(
      `connect to postgres://hub:${REDACTED}@db:5432/hub failed, then http://a:${REDACTED}@x/y`,
    );
  });

  it('leaves a URL with a user and no password as it is', () => {
    expect(redactText('calling http://hub@127.0.0.1:8100/x')).toBe('calling http://hub@127.0.0.1:8100/x');
  });

  it('hides Authorization credentials and password=/token: pairs', () => {
    const text = 'sent Authorization: Basic aHViOmh1Yi1zYW5kYm94 and Bearer abc.def-ghi; password=hunter2 token: "t0k3n" api_key=k';
    const redacted = redactText(text);
    expect(redacted).not.toMatch(/aHViOmh1Yi1zYW5kYm94|abc\.def-ghi|hunter2|t0k3n|=k\b/);
    expect(redacted).toBe(`sent Authorization: Basic ${REDACTED} and Bearer ${REDACTED}; password=${REDACTED} token: "${REDACTED}" api_key=${REDACTED}`);
  });

  it('hides the secrets a caller knows wherever they appear, longest first', () => {
    expect(redactText('the server echoed hub-sandbox and hub-sandbox-token', ['hub-sandbox', 'hub-sandbox-token', ''])).toBe(
      `the server echoed ${REDACTED} and ${REDACTED}`,
    );
  });

  it('recognises secret keys in any case or punctuation, and keys that contain one', () => {
    expect(['password', 'X-Api-Key', 'api_key', 'dbPassword', 'client_secret', 'Authorization', 'DATABASE_URL'].map(isSecretKey)).toEqual(Array(7).fill(true));
    expect(['runId', 'sku', 'quantity', 'message'].map(isSecretKey)).toEqual([false, false, false, false]);
  });
});
