/**
 * listenOnLoopback lives in @hub/testing. This re-export only keeps one-c/client.spec.ts's import
 * working while that folder is being changed elsewhere; point it at @hub/testing, then delete this.
 */
export { listenOnLoopback, type LoopbackServer } from '@hub/testing';
