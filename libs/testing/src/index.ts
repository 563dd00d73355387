export { createTestDatabase, createEmptyTestDatabase, openTestOrm, type TestDatabase } from './test-database';
export { useTestOrm, type TestOrm } from './test-orm';
export { openLoggedTestDatabase, type LoggedTestDatabase } from './logged-test-database';
export { createDatabase, dropDatabase, withDatabase, withServerClient, uniqueDatabaseName, quoteIdent } from './server';
export { oneCClientFor, startSandboxProcess, type SandboxProcess } from './sandbox-process';
export { startSchedulerProcess, type SchedulerProcess, type SchedulerProcessOptions } from './scheduler-process';
export { captureStdout, type CapturedStdout } from './stdout-capture';
export { startApiProcess, type ApiProcess, type ApiProcessOptions } from './api-process';
// The helpers that need no database, re-exported for the specs that need both.
export {
  addMoySkladSandboxProducts,
  findFreePort,
  jsonTypeAt,
  MOYSKLAD_DOC_EXAMPLES,
  readMoySkladDocExample,
  valueAt,
  type MoySkladDocExample,
  type MoySkladDocExampleName,
  latch,
  listenOnLoopback,
  readMoySkladSandboxStats,
  sandboxControl,
  stillPending,
  waitFor,
  within,
  type Latch,
  type LoopbackServer,
  type MoySkladSandboxProduct,
  type MoySkladSandboxStats,
  type SandboxControl,
  type SandboxFaults,
  type SandboxInjectedFault,
  type SandboxTransferOrders,
} from '@hub/test-kit';
export { createEmbeddedCluster, type EmbeddedCluster } from './embedded-cluster';
export { messageStartsWith, spawnHubProcess, type HubApp, type HubProcess } from './hub-process';
export { hubAppEnv, spawnApp, stopChild, type SpawnAppOptions } from './app-process';
