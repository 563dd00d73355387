import type { SessionFactory } from '@hub/db';
import type { StdoutLogger } from '@hub/logging';
import { ConfigError } from '@hub/runtime';
import { hashPassword } from './password-hash';
import { countEnabledOperators, upsertOperator } from './operators-sql';

/** How to create the first account, in the words every refusal and warning uses. */
export const HOW_TO_CREATE_AN_OPERATOR =
  'set ADMIN_USERNAME and ADMIN_PASSWORD (at least 12 characters), or run `npm run admin:users -- add <username> --role operator` ' +
  '(in the image: `node dist/apps/admin/users.js add <username> --role operator`)';

/**
 * A production admin nobody can sign in to is refused at start. A setting to fix, so the
 * start-up failure is its one line, not a stack.
 */
export class NoOperatorAccountError extends ConfigError {
  constructor() {
    super('ADMIN_USERNAME / ADMIN_PASSWORD', `are not both set and the admin has no operator account, so nobody could sign in: ${HOW_TO_CREATE_AN_OPERATOR}`);
    this.name = 'NoOperatorAccountError';
  }
}

export interface StartUpAccount {
  username: string | undefined;
  password: string | undefined;
  production: boolean;
}

/**
 * ADMIN_USERNAME / ADMIN_PASSWORD create that operator or update it (password, role
 * `operator`, enabled again), as Grafana's admin settings do. Then, with no enabled account
 * at all, a production admin refuses to start and any other warns.
 */
export async function prepareOperatorAccounts(sessions: SessionFactory, account: StartUpAccount, logger: StdoutLogger): Promise<void> {
  const em = sessions.open();
  if (account.username !== undefined && account.password !== undefined) {
    const change = await upsertOperator(em, account.username, 'operator', await hashPassword(account.password));
    logger.info({ username: account.username, change }, `operator ${account.username} ${change} from ADMIN_USERNAME / ADMIN_PASSWORD`);
  }
  if ((await countEnabledOperators(em)) > 0) return;
  if (account.production) throw new NoOperatorAccountError();
  logger.warn(`no operator account yet, so nobody can sign in: ${HOW_TO_CREATE_AN_OPERATOR}`);
}
