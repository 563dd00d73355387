import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Whether `promise` is still unsettled once the event loop has turned: for "this must not be
 * done yet" while the spec itself holds what it waits on (so the answer cannot depend on
 * timing). A promise that waits on nothing but other settled promises settles within the turn.
 */
export async function stillPending(promise: Promise<unknown>): Promise<boolean> {
  const unsettled = Symbol('unsettled');
  const first = await Promise.race([
    promise.then(
      () => undefined,
      () => undefined,
    ),
    nextTurn(unsettled),
  ]);
  return first === unsettled;
}
