export { createTestDatabase, createEmptyTestDatabase, openTestOrm, type TestDatabase } from './test-database';
export { useTestOrm, type TestOrm } from './test-orm';
export { openLoggedTestDatabase, type LoggedTestDatabase } from './logged-test-database';
export { createDatabase, dropDatabase, withDatabase, withServerClient, uniqueDatabaseName, quoteIdent } from './server';
export { findFreePort, listenOnLoopback, type LoopbackServer } from './loopback';
export { oneCClientFor, startSandboxProcess, type SandboxProcess, type SandboxTransferOrders } from './sandbox-process';
export { createPendingTransferOrder } from './transfer-order-fixture';
export { seedOutboxEvent, insertOrderInStatus, orderStatus, DEAD_EVENT, type SeededEvent } from './outbox-event-fixture';
export { readMoySkladSandboxStats, type MoySkladSandboxStats } from './moysklad-sandbox';
