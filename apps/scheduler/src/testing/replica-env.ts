/** Test support (imported by specs only): scheduler replicas as real processes on one database and one sandbox. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createSessionFactory, sqlArray, type MikroORM, type SessionFactory } from '@hub/db';
import { catalogFromOneC, seedOrders } from '@hub/orders/testing';
import {
  createTestDatabase,
  openTestOrm,
  startSandboxProcess,
  startSchedulerProcess,
  type SandboxProcess,
  type SchedulerProcess,
  type TestDatabase,
  waitFor,
} from '@hub/testing';

/** An outbox row as these specs read it. */
export interface ReplicaOutboxRow {
  id: string;
  status: string;
  attempts: number;
  lease_owner: string | null;
  /** Why its last delivery failed: what a spec that gives up waiting needs to say. */
  last_error: string | null;
}

export interface ReplicaEnv {
  orm: MikroORM;
  sessions: SessionFactory;
  sandbox: SandboxProcess;
  /** Starts a scheduler process; stopped after the test unless it was killed already. */
  startReplica(env: Record<string, string>): Promise<SchedulerProcess>;
  /** `count` pending transfer orders with their CREATE_1C_TRANSFER_ORDER events, as one run writes them. */
  enqueueTransferOrders(count: number): Promise<Array<{ orderId: string; eventId: string }>>;
  outboxRows(eventIds: string[]): Promise<ReplicaOutboxRow[]>;
  /** Polls until every event is delivered; fails after `timeoutMs` naming how many are not. */
  waitUntilDelivered(eventIds: string[], timeoutMs?: number): Promise<ReplicaOutboxRow[]>;
}

/** Registers the hooks: a database clone, a sandbox, and whatever replicas a test starts (stopped after each). */
export function useReplicaEnv(prefix: string): ReplicaEnv {
  let db: TestDatabase | undefined;
  const replicas: SchedulerProcess[] = [];
  const env = {} as ReplicaEnv;

  beforeAll(async () => {
    [db, env.sandbox] = await Promise.all([createTestDatabase(prefix), startSandboxProcess()]);
    env.orm = await openTestOrm(db.url);
    env.sessions = createSessionFactory(env.orm);
  });
  afterEach(async () => {
    await Promise.all(replicas.splice(0).map((replica) => replica.stop()));
    await env.sandbox?.clearFaults();
  });
  afterAll(async () => {
    await Promise.all([env.sandbox?.stop(), env.orm?.close(true).then(() => db?.drop())]);
  });

  env.startReplica = async (settings) => {
    const replica = await startSchedulerProcess({ databaseUrl: db!.url, oneCBaseUrl: env.sandbox.baseUrl, env: settings });
    replicas.push(replica);
    return replica;
  };
  env.enqueueTransferOrders = async (count) => seedOrders(env.sessions, { count, catalog: await catalogFromOneC(env.sandbox.oneC) });
  env.outboxRows = (eventIds) =>
    env.sessions
      .open()
      .execute<ReplicaOutboxRow[]>(
        'select id, status, attempts, lease_owner, last_error from outbox_events where id = any(?::uuid[]) order by created_at',
        [sqlArray(eventIds)],
        'all',
      );
  env.waitUntilDelivered = (eventIds, timeoutMs = 30_000) =>
    waitFor(
      async () => {
        const rows = await env.outboxRows(eventIds);
        return rows.every((row) => row.status === 'delivered') ? rows : undefined;
      },
      timeoutMs,
      async () => {
        const rows = await env.outboxRows(eventIds);
        const left = rows.filter((row) => row.status !== 'delivered');
        return `${left.length} of ${rows.length} events not delivered: ${JSON.stringify(left.slice(0, 5))}`;
      },
    );
  return env;
}
