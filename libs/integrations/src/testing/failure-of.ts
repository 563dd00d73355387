import { expect } from 'vitest';
import { ExternalSystemError } from '../errors';

/** The ExternalSystemError a call to an outside system rejects with; the test fails if it resolves or rejects with anything else. */
export function failureOf(call: Promise<unknown>): Promise<ExternalSystemError> {
  return call.then(
    () => expect.fail('expected the call to fail'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(ExternalSystemError);
      return error as ExternalSystemError;
    },
  );
}
