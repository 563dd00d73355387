import { randomUUID } from 'node:crypto';
import { toDate, toDateOrNull, type AdminRole, type EntityManager } from '@hub/db';

/*
 * The admin's operator accounts and sessions, one function per statement. Only the admin
 * signs people in, so this SQL lives with it.
 */

/** An account as `admin:users list` shows it. */
export interface OperatorAccount {
  username: string;
  role: AdminRole;
  disabled: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
}

/** What signing in needs to know about a username. */
export interface OperatorCredentials {
  id: string;
  username: string;
  role: AdminRole;
  passwordHash: string;
  disabled: boolean;
}

/** The operator a live session belongs to. */
export interface SignedInOperator {
  username: string;
  role: AdminRole;
}

// Creates the account, or gives an existing one this role and password and enables it again.
const UPSERT_OPERATOR = `
  insert into admin_operators (id, username, role, password_hash) values (?::uuid, ?, ?, ?)
  on conflict (username) do update
    set role = excluded.role, password_hash = excluded.password_hash, disabled_at = null, updated_at = now()
  returning (xmax = 0) as "created"`;

const INSERT_OPERATOR = `
  insert into admin_operators (id, username, role, password_hash) values (?::uuid, ?, ?, ?)
  on conflict (username) do nothing returning id`;

const UPDATE_PASSWORD = `
  update admin_operators set password_hash = ?, updated_at = now() where username = ? returning id`;

const DISABLE_OPERATOR = `
  update admin_operators set disabled_at = coalesce(disabled_at, now()), updated_at = now() where username = ? returning id`;

const DELETE_OPERATOR_SESSIONS = `
  delete from admin_sessions where operator_id in (select id from admin_operators where username = ?)`;

const SELECT_OPERATORS = `
  select username, role, disabled_at is not null as disabled, created_at as "createdAt", last_sign_in_at as "lastSignInAt"
  from admin_operators order by username`;

const COUNT_ENABLED_OPERATORS = `select count(*)::int as count from admin_operators where disabled_at is null`;

const SELECT_CREDENTIALS = `
  select id, username, role, password_hash as "passwordHash", disabled_at is not null as disabled
  from admin_operators where username = ?`;

const INSERT_SESSION = `insert into admin_sessions (token_hash, operator_id) values (?, ?::uuid)`;

const MARK_SIGNED_IN = `update admin_operators set last_sign_in_at = now() where id = ?::uuid`;

// Sessions idle for longer than the timeout are of no use to anyone: they go at each sign-in.
const DELETE_IDLE_SESSIONS = `delete from admin_sessions where last_seen_at < now() - ?::integer * interval '1 second'`;

// A live session of an enabled operator, touched in the same statement (its idle time starts again).
const TOUCH_SESSION = `
  update admin_sessions s set last_seen_at = now()
  from admin_operators o
  where s.token_hash = ? and o.id = s.operator_id and o.disabled_at is null
    and s.last_seen_at >= now() - ?::integer * interval '1 second'
  returning o.username, o.role`;

const DELETE_SESSION = `delete from admin_sessions where token_hash = ?`;

/** Creates `username` or updates it (role, password, enabled again); says which. */
export async function upsertOperator(em: EntityManager, username: string, role: AdminRole, passwordHash: string): Promise<'created' | 'updated'> {
  const [row] = await em.execute<{ created: boolean }[]>(UPSERT_OPERATOR, [randomUUID(), username, role, passwordHash], 'all');
  return row?.created ? 'created' : 'updated';
}

/** Creates `username`; false when that username is taken. */
export async function insertOperator(em: EntityManager, username: string, role: AdminRole, passwordHash: string): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(INSERT_OPERATOR, [randomUUID(), username, role, passwordHash], 'all');
  return rows.length === 1;
}

/** Sets a new password; false for an unknown username. Sessions already open stay open. */
export async function updatePassword(em: EntityManager, username: string, passwordHash: string): Promise<boolean> {
  return (await em.execute<{ id: string }[]>(UPDATE_PASSWORD, [passwordHash, username], 'all')).length === 1;
}

/** Disables `username` and ends every session of theirs; false for an unknown username. */
export async function disableOperator(em: EntityManager, username: string): Promise<boolean> {
  return em.transactional(async (tx) => {
    const found = (await tx.execute<{ id: string }[]>(DISABLE_OPERATOR, [username], 'all')).length === 1;
    await tx.execute(DELETE_OPERATOR_SESSIONS, [username], 'run');
    return found;
  });
}

/** Every account, by username. */
export async function listOperators(em: EntityManager): Promise<OperatorAccount[]> {
  const rows = await em.execute<(Omit<OperatorAccount, 'createdAt' | 'lastSignInAt'> & { createdAt: string; lastSignInAt: string | null })[]>(
    SELECT_OPERATORS,
    [],
    'all',
  );
  return rows.map((row) => ({ ...row, createdAt: toDate(row.createdAt), lastSignInAt: toDateOrNull(row.lastSignInAt) }));
}

/** How many accounts can sign in. */
export async function countEnabledOperators(em: EntityManager): Promise<number> {
  const [row] = await em.execute<{ count: number }[]>(COUNT_ENABLED_OPERATORS, [], 'all');
  return row?.count ?? 0;
}

/** The account `username` signs in to, or null. */
export async function findCredentials(em: EntityManager, username: string): Promise<OperatorCredentials | null> {
  const [row] = await em.execute<OperatorCredentials[]>(SELECT_CREDENTIALS, [username], 'all');
  return row ?? null;
}

/** Opens a session for `operatorId` under `tokenHash`, dropping sessions idle past `idleSeconds`. */
export async function insertSession(em: EntityManager, tokenHash: string, operatorId: string, idleSeconds: number): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.execute(DELETE_IDLE_SESSIONS, [idleSeconds], 'run');
    await tx.execute(INSERT_SESSION, [tokenHash, operatorId], 'run');
    await tx.execute(MARK_SIGNED_IN, [operatorId], 'run');
  });
}

/** The operator of a session used within the last `idleSeconds` (restarting its idle time), or null. */
export async function touchSession(em: EntityManager, tokenHash: string, idleSeconds: number): Promise<SignedInOperator | null> {
  const [row] = await em.execute<SignedInOperator[]>(TOUCH_SESSION, [tokenHash, idleSeconds], 'all');
  return row ?? null;
}

/** Ends a session (logout). */
export async function deleteSession(em: EntityManager, tokenHash: string): Promise<void> {
  await em.execute(DELETE_SESSION, [tokenHash], 'run');
}
