/**
 * The sandbox helpers live in @hub/testing. This re-export only keeps the run/ specs' imports
 * working while that folder is being changed elsewhere; point them at @hub/testing, then delete it.
 */
export {
  findFreePort,
  oneCClientFor,
  startSandboxProcess as startOneCSandbox,
  type SandboxProcess as OneCSandbox,
} from '@hub/testing';
