import type { SessionFactory } from '@hub/db';
import type { OneCClient } from '@hub/integrations';
import type { LoggerService } from '@hub/logging';
import type { RunOutcome } from '@hub/replenishment';

/** What the API needs from the process; tests pass their own. */
export interface ApiDependencies {
  sessions: SessionFactory;
  oneC: OneCClient;
  logger: LoggerService;
  /** When set, /api/* requires `Authorization: Bearer <apiToken>`. */
  apiToken?: string | undefined;
  /** Told about every run the API starts, so shutdown can wait for them. */
  onRunStarted?: (completion: Promise<RunOutcome>) => void;
}
