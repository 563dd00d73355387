/*
 * Test helpers that need nothing of the workspace: bounded waits, latches, loopback servers and
 * the sandbox's control endpoints over HTTP. A spec that needs no database imports these from
 * here rather than @hub/testing, so Nx does not count it as depending on every app and lib
 * (`nx affected`), and an app's bundle does not inherit @hub/testing's packages.
 */
export { findFreePort, listenOnLoopback, type LoopbackServer } from './loopback';
export { sandboxControl, type SandboxControl, type SandboxFaults, type SandboxTransferOrders, type SandboxInjectedFault } from './sandbox-control';
export { addMoySkladSandboxProducts, readMoySkladSandboxStats, type MoySkladSandboxProduct, type MoySkladSandboxStats } from './moysklad-sandbox';
export { latch, type Latch } from './latch';
export { within } from './within';
export { stillPending } from './still-pending';
export { waitFor } from './wait-for';
export {
  jsonTypeAt,
  MOYSKLAD_DOC_EXAMPLES,
  readMoySkladDocExample,
  valueAt,
  type MoySkladDocExample,
  type MoySkladDocExampleName,
} from './moysklad-doc-fixtures';
export { answerToUnfinishedRequest, rawHttpClient, type EarlyAnswer, type RawRequest, type RawResponse } from './hostile/raw-http';
export { HEADER_SPLITTING, HOSTILE_STRINGS, INJECTED_HEADER, XSS_MARKERS, hostileText } from './hostile/hostile-values';
export { hostileRequest, type FuzzTarget, type HostileRequest } from './hostile/hostile-request';
export { problemsOf } from './hostile/response-checks';
export { describeTally, fuzzTargets, type FuzzIdentity, type FuzzPlan, type FuzzTally } from './hostile/fuzz-runner';
