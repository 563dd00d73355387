import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { createOrmOptions } from './config';
import { stopEmbeddedServers } from './database-url';

/**
 * Hands out one EntityManager per unit of work: what apps pass to the libs (the session
 * factory of DESIGN.md's card), so no lib forks the ORM itself.
 */
export interface SessionFactory {
  /**
   * A fresh session with its own identity map, on a connection of its own: never inside a
   * transaction the caller happens to have open, so what it writes (a claim, a log row, an
   * outcome) commits at once, whatever the caller's unit of work does later.
   */
  open(): EntityManager;
  /** Runs `work` in a transaction on a fresh session: commit on success, rollback on throw. */
  withSession<T>(work: (session: EntityManager) => Promise<T>): Promise<T>;
}

/*
 * MikroORM 6.6's plain `orm.em.fork()` already leaves the caller's transaction behind
 * (checked against 6.6.16); `disableContextResolution` says so explicitly rather than
 * relying on that.
 */
export function createSessionFactory(orm: MikroORM): SessionFactory {
  const open = (): EntityManager => orm.em.fork({ disableContextResolution: true });
  return {
    open,
    withSession: (work) => open().transactional(work),
  };
}

/** Raised when a session is asked for before `connectDatabase` ran. */
export class DatabaseNotConnectedError extends Error {
  constructor() {
    super('The database is not connected: call connectDatabase(url) at start-up before getSession().');
    this.name = 'DatabaseNotConnectedError';
  }
}

let defaultOrm: MikroORM | undefined;
let connecting: Promise<MikroORM> | undefined;

/**
 * Connects the process-wide ORM that `getSession` serves sessions from. Callers that race
 * share one connection attempt (and one pool); a failed attempt can be retried.
 */
export function connectDatabase(databaseUrl: string): Promise<MikroORM> {
  connecting ??= MikroORM.init(createOrmOptions(databaseUrl)).then(
    (orm) => (defaultOrm = orm),
    (error: unknown) => {
      connecting = undefined;
      throw error;
    },
  );
  return connecting;
}

/** Closes the process-wide ORM, if any (also one still connecting), and stops the embedded PostgreSQL this process started. */
export async function disconnectDatabase(): Promise<void> {
  const pending = connecting;
  connecting = undefined;
  defaultOrm = undefined;
  const orm = await pending?.catch(() => undefined);
  await orm?.close(true);
  await stopEmbeddedServers();
}

/** The process-wide ORM; throws when the process has not connected yet. */
export function getOrm(): MikroORM {
  if (!defaultOrm) throw new DatabaseNotConnectedError();
  return defaultOrm;
}

/**
 * Compatibility export for code written against the first release's
 * `async_session`: callable, returns a fresh session every time.
 */
export function getSession(): EntityManager {
  return createSessionFactory(getOrm()).open();
}
