import { describe, expect, it } from 'vitest';
import { latch, within } from '@hub/test-kit';
import { createMoySkladClient } from './client';
import type { MoySkladRateLimiter, MsRatePermit } from './rate-limiter';

const RELEASED: MsRatePermit = { release: async () => undefined };

/** A client whose every request is answered 503 at once and counted, on top of `rateLimiter`. */
function clientOn(rateLimiter: MoySkladRateLimiter) {
  const sent: string[] = [];
  const client = createMoySkladClient({
    baseUrl: 'http://127.0.0.1:9',
    token: 'stub-moysklad-token',
    rateLimiter,
    fetch: async (url) => {
      sent.push(String(url));
      return new Response('{}', { status: 503 });
    },
  });
  return { client, sent };
}

/** A limiter that grants nothing: what a caller meets while every slot is held by a replica that was killed. */
const exhausted = (): MoySkladRateLimiter & { asked: number } => ({
  asked: 0,
  acquire(_weight, signal) {
    this.asked += 1;
    return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
  },
});

describe('rateLimitGate: a call its caller gave up on (an outbox delivery that timed out)', () => {
  it('stops waiting for a permit, with the caller’s reason, and sends nothing', async () => {
    const limiter = exhausted();
    const { client, sent } = clientOn(limiter);
    const timedOut = new Error('the delivery timed out');
    const givenUp = new AbortController();
    const call = client.findCustomerOrderByExternalCode('event-1', { signal: givenUp.signal });

    givenUp.abort(timedOut);

    await expect(within(call, 'the call kept waiting for a permit after its caller gave up')).rejects.toBe(timedOut);
    expect(limiter.asked).toBe(1);
    expect(sent).toEqual([]);
  });

  it('stops waiting behind the request that calibrates the weight, and never asks for a permit', async () => {
    const probeMayGo = latch('the calibrating request got its permit');
    const weights: number[] = [];
    const { client, sent } = clientOn({
      async acquire(weight) {
        weights.push(weight);
        await probeMayGo.wait();
        return RELEASED;
      },
    });
    const calibrating = client.findCustomerOrderByExternalCode('event-1').catch((error: unknown) => error);
    const timedOut = new Error('the delivery timed out');
    const givenUp = new AbortController();
    const waiting = client.findCustomerOrderByExternalCode('event-2', { signal: givenUp.signal });

    givenUp.abort(timedOut);
    await expect(within(waiting, 'the call kept waiting behind the calibrating one after its caller gave up')).rejects.toBe(timedOut);
    probeMayGo.open();
    await calibrating;

    // Only the calibrating request asked for a permit and went out; the abandoned one spent nothing.
    expect(weights).toHaveLength(1);
    expect(sent).toHaveLength(1);
  });
});
