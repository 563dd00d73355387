import type { SessionFactory } from '@hub/db';
import type { OneCClient } from '@hub/integrations';
import type { LoggerService } from '@hub/logging';
import type { RunOutcome } from '@hub/replenishment';

/** What the API needs from the process; tests pass their own. */
export interface ApiDependencies {
  sessions: SessionFactory;
  oneC: OneCClient;
  logger: LoggerService;
  /** When set, every write needs it (`Authorization: Bearer …` or `X-Admin-Token: …`), and so do reads of /api/* and /metrics unless `readsNeedToken` is false. */
  apiToken?: string | undefined;
  /** API_AUTH_READS: true unless told. */
  readsNeedToken?: boolean | undefined;
  /** Told about every run the API starts, so shutdown can wait for them. */
  onRunStarted?: (completion: Promise<RunOutcome>) => void;
}
