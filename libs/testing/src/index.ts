export { createTestDatabase, createEmptyTestDatabase, openTestOrm, type TestDatabase } from './test-database';
export { useTestOrm, type TestOrm } from './test-orm';
export { openLoggedTestDatabase, type LoggedTestDatabase } from './logged-test-database';
export { createDatabase, dropDatabase, withDatabase, withServerClient, uniqueDatabaseName, quoteIdent } from './server';
export { findFreePort, listenOnLoopback, type LoopbackServer } from './loopback';
export { oneCClientFor, startSandboxProcess, type SandboxProcess } from './sandbox-process';
export {
  sandboxControl,
  type SandboxControl,
  type SandboxFaults,
  type SandboxTransferOrders,
  type SandboxInjectedFault,
} from './sandbox-control';
export { startSchedulerProcess, type SchedulerProcess, type SchedulerProcessOptions } from './scheduler-process';
export {
  jsonTypeAt,
  MOYSKLAD_DOC_EXAMPLES,
  readMoySkladDocExample,
  valueAt,
  type MoySkladDocExample,
  type MoySkladDocExampleName,
} from './moysklad-doc-fixtures';
export { addMoySkladSandboxProducts, readMoySkladSandboxStats, type MoySkladSandboxProduct, type MoySkladSandboxStats } from './moysklad-sandbox';
export { latch, type Latch } from './latch';
export { within } from './within';
export { stillPending } from './still-pending';
export { waitFor } from './wait-for';
export { captureStdout, type CapturedStdout } from './stdout-capture';
export { startApiProcess, type ApiProcess, type ApiProcessOptions } from './api-process';
