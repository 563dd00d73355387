/** Test support: a cloned database with an ORM and a LoggerService writing to it. */
import { openLoggedTestDatabase, type LoggedTestDatabase } from '@hub/testing';

export type RunFixture = LoggedTestDatabase;

export function openRunFixture(): Promise<RunFixture> {
  return openLoggedTestDatabase('hub_test_replenishment', 'replenishment');
}
