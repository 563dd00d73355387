import { afterEach, describe, expect, it } from 'vitest';
import { ExternalSystemError } from '../errors';
import { listenOnLoopback, type LoopbackServer } from '@hub/test-kit';
import { createOneCClient, type OneCClient } from './client';
import { ONE_C_API_PREFIX, type OneCTransferOrder } from './contract';

const ORDER: OneCTransferOrder = {
  id: 'doc/1 ä',
  number: 'ПМ-000001',
  status: 'received',
  hubOrderId: '0b9e3c55-3f0e-4d6b-9d3c-0f6f2f0e8a11',
  sourceWarehouseId: 'wh-dc',
  targetWarehouseId: 'wh-store',
  lines: [{ productId: 'p-1', sku: 'SKU-1', quantity: 6 }],
};

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client against a one-off server; `seen` collects the raw request paths (still percent-encoded). */
async function clientAnswering(respond: () => Response): Promise<{ client: OneCClient; seen: string[] }> {
  const seen: string[] = [];
  server = await listenOnLoopback((request) => {
    seen.push(new URL(request.url).pathname);
    return respond();
  });
  return { client: createOneCClient({ baseUrl: server.url, username: 'hub', password: 'secret', timeoutMs: 2_000 }), seen };
}

const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => expect.unreachable('the call should have failed'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(ExternalSystemError);
      return error as ExternalSystemError;
    },
  );

describe('1С client: getTransferOrder', () => {
  it('reads one order by its 1С id, encoding the id into the path', async () => {
    const { client, seen } = await clientAnswering(() => Response.json(ORDER));
    await expect(client.getTransferOrder(ORDER.id)).resolves.toEqual(ORDER);
    expect(seen).toEqual([`${ONE_C_API_PREFIX}/transfer-orders/doc%2F1%20%C3%A4`]);
  });

  it('answers null when 1С has no such document (404)', async () => {
    const { client } = await clientAnswering(() => Response.json({ error: { code: 'not_found', message: 'no such order' } }, { status: 404 }));
    await expect(client.getTransferOrder('gone')).resolves.toBeNull();
  });

  it('throws, never answers null, for every other failure', async () => {
    const { client } = await clientAnswering(() => Response.json({ error: { code: 'down', message: 'maintenance' } }, { status: 503 }));
    expect(await failureOf(client.getTransferOrder('doc-1'))).toMatchObject({ status: 503, code: 'http_5xx', retryable: true });
    await server?.close();
    const refused = await clientAnswering(() => Response.json({ error: { code: 'unauthorized', message: 'who?' } }, { status: 401 }));
    expect(await failureOf(refused.client.getTransferOrder('doc-1'))).toMatchObject({ status: 401, code: 'http_401' });
  });

  it('calls an answer with an unknown status a bad response', async () => {
    const { client } = await clientAnswering(() => Response.json({ ...ORDER, status: 'lost' }));
    const error = await failureOf(client.getTransferOrder('doc-1'));
    expect(error).toMatchObject({ code: 'bad_response', retryable: false });
    expect(error.message).toMatch(/status/);
  });

  it('refuses an empty id without touching the network', async () => {
    const { client, seen } = await clientAnswering(() => Response.json({ items: [] }));
    expect(await failureOf(client.getTransferOrder('  '))).toMatchObject({ code: 'invalid_request', retryable: false });
    expect(seen).toEqual([]);
  });
});
