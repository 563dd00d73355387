import type { SessionFactory } from '@hub/db';
import { decoyPasswordHash, verifyPassword } from './password-hash';
import { findCredentials, insertSession, type SignedInOperator } from './operators-sql';
import { newSessionToken, sessionTokenHash } from './session-cookie';
import type { SignInThrottle } from './sign-in-throttle';

/** How a sign-in attempt ended. `refused` says nothing of whether the username exists. */
export type SignInOutcome =
  { kind: 'signed-in'; operator: SignedInOperator; token: string } | { kind: 'refused' } | { kind: 'throttled'; retryAfterSeconds: number };

export interface SignInDeps {
  sessions: SessionFactory;
  throttle: SignInThrottle;
  idleSeconds: number;
}

/**
 * Checks a username and password (throttled per username and per address) and opens a
 * session for them. A disabled or unknown account costs the same hash as a wrong password.
 */
export async function signIn(deps: SignInDeps, username: string, password: string, address: string): Promise<SignInOutcome> {
  const verdict = deps.throttle.check(username, address);
  if (verdict.kind === 'throttled') return verdict;
  const em = deps.sessions.open();
  const account = await findCredentials(em, username);
  const matches = await verifyPassword(password, account?.passwordHash ?? (await decoyPasswordHash()));
  if (!account || account.disabled || !matches) {
    deps.throttle.recordFailure(username, address);
    return { kind: 'refused' };
  }
  deps.throttle.recordSuccess(username);
  const token = newSessionToken();
  await insertSession(em, sessionTokenHash(token), account.id, deps.idleSeconds);
  return { kind: 'signed-in', operator: { username: account.username, role: account.role }, token };
}
