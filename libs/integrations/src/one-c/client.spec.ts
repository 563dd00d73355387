import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExternalSystemError } from '../errors';
import { listenOnLoopback, type LoopbackServer } from '@hub/test-kit';
import { createOneCClient, type OneCClient } from './client';
import { ONE_C_API_PREFIX } from './contract';

const PASSWORD = 'pa55-w0rd-never-shown';
const CREDENTIALS = Buffer.from(`hub:${PASSWORD}`).toString('base64');

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client against a one-off server that answers every request with `respond`. */
async function clientAnswering(respond: (request: Request) => Response | Promise<Response>, timeoutMs = 2_000): Promise<OneCClient> {
  server = await listenOnLoopback(respond);
  return createOneCClient({ baseUrl: server.url, username: 'hub', password: PASSWORD, timeoutMs });
}

async function failureOf(call: Promise<unknown>): Promise<ExternalSystemError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ExternalSystemError);
  return error as ExternalSystemError;
}

const oneCError = (status: number, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error: { code: 'test', message } }, { status, headers });

describe('1С client: failures the outbox must tell apart', () => {
  it('sends Basic auth under the 1С prefix', async () => {
    const seen: { path: string; authorization: string | null }[] = [];
    const client = await clientAnswering((request) => {
      seen.push({ path: new URL(request.url).pathname, authorization: request.headers.get('authorization') });
      return Response.json({ items: [] });
    });
    await expect(client.listWarehouses()).resolves.toEqual([]);
    expect(seen).toEqual([{ path: `${ONE_C_API_PREFIX}/warehouses`, authorization: `Basic ${CREDENTIALS}` }]);
  });

  it('makes 503 with Retry-After seconds retryable and carries the wait', async () => {
    const client = await clientAnswering(() => oneCError(503, 'база на обновлении', { 'Retry-After': '7' }));
    const error = await failureOf(client.listWarehouses());
    expect(error).toMatchObject({ system: '1c', status: 503, code: 'http_5xx', retryable: true, retryAfterMs: 7000 });
    expect(error.message).toContain('база на обновлении');
  });

  it('makes 429 with an HTTP-date Retry-After retryable with the time left', async () => {
    const retryAt = new Date(Date.now() + 30_000).toUTCString();
    const client = await clientAnswering(() => oneCError(429, 'too many requests', { 'Retry-After': retryAt }));
    const error = await failureOf(client.listOpenTransferOrders());
    expect(error).toMatchObject({ status: 429, code: 'http_429', retryable: true });
    expect(error.retryAfterMs).toBeGreaterThan(25_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('makes 500 without Retry-After retryable with no wait of its own', async () => {
    const client = await clientAnswering(() => new Response('Internal Server Error', { status: 500 }));
    const error = await failureOf(client.getStock('wh-1'));
    expect(error).toMatchObject({ status: 500, code: 'http_5xx', retryable: true, retryAfterMs: undefined });
    expect(error.message).toBe('1c GET /warehouses/wh-1/stock answered HTTP 500: Internal Server Error');
  });

  it('quotes the gist of an error page in another format: a proxy’s HTML, cut short, without the password', async () => {
    const page = `<html><head><style>body { color: red }</style><title>502 Bad Gateway</title></head>
      <body><h1>502 Bad Gateway</h1><p>upstream 1c-web (password ${PASSWORD}) closed the connection</p>${'<p>padding</p>'.repeat(100)}</body></html>`;
    const client = await clientAnswering(() => new Response(page, { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = await failureOf(client.listWarehouses());
    expect(error).toMatchObject({ status: 502, code: 'http_5xx', retryable: true });
    expect(error.message).toMatch(
      /^1c GET \/warehouses answered HTTP 502: 502 Bad Gateway 502 Bad Gateway upstream 1c-web \(password \[redacted\]\) closed the connection padding padding .*…$/,
    );
    expect(error.message).not.toContain('color: red');
    expect(error.message).not.toContain(PASSWORD);
    expect(error.message.length).toBeLessThan(400);
  });

  it('says only the status when the error answer has no body', async () => {
    const client = await clientAnswering(() => new Response(null, { status: 503 }));
    const error = await failureOf(client.listWarehouses());
    expect(error.message).toBe('1c GET /warehouses answered HTTP 503');
  });

  it('makes other 4xx final: 404 and 409 are not retried', async () => {
    const notFound = await clientAnswering(() => oneCError(404, 'warehouse wh-9 does not exist'));
    expect(await failureOf(notFound.getStock('wh-9'))).toMatchObject({ status: 404, code: 'http_404', retryable: false });
    await server?.close();
    const conflict = await clientAnswering(() => oneCError(409, 'key reused'));
    expect(await failureOf(conflict.listWarehouses())).toMatchObject({ status: 409, code: 'conflict', retryable: false });
  });

  it('calls a body that is not JSON a bad response, not retryable', async () => {
    const client = await clientAnswering(() => new Response('{"items": [', { headers: { 'content-type': 'application/json' } }));
    const error = await failureOf(client.listWarehouses());
    expect(error).toMatchObject({ status: 200, code: 'bad_response', retryable: false });
    expect(error.message).toContain('not JSON');
  });

  it('names the wrong field when the JSON does not match the contract', async () => {
    const client = await clientAnswering(() => Response.json({ warehouseId: 'wh-1', items: [{ productId: 'p1', sku: 'S1' }] }));
    const error = await failureOf(client.getStock('wh-1'));
    expect(error.code).toBe('bad_response');
    expect(error.message).toMatch(/items\.0\.name/);
    expect(error.message).toMatch(/items\.0\.onHand/);
  });

  it('times out a server that never answers, within the configured bound', async () => {
    const client = await clientAnswering(() => new Promise<Response>(() => undefined), 200);
    const error = await failureOf(client.listWarehouses());
    // The configured timeout ended the wait (no clock read here: tests never assert timings).
    expect(error).toMatchObject({ code: 'timeout', retryable: true, status: undefined });
    expect(error.message).toMatch(/200 ms/);
  });

  it('stops a create when the caller cancels it, long before its own timeout, and says so', async () => {
    let received = false;
    const client = await clientAnswering(() => {
      received = true;
      return new Promise<Response>(() => undefined);
    }, 60_000);
    const order = {
      hubOrderId: '0b9e3c55-3f0e-4d6b-9d3c-0f6f2f0e8a11',
      sourceWarehouseId: 'a',
      targetWarehouseId: 'b',
      lines: [{ productId: 'p', sku: 's', quantity: 1 }],
    };
    const controller = new AbortController();
    const pending = failureOf(client.createTransferOrder(order, { idempotencyKey: 'key-1', signal: controller.signal }));
    await vi.waitFor(() => expect(received).toBe(true));
    controller.abort(new Error('delivery timed out'));
    // Only the cancellation can end this call: the server never answers and the client waits a minute.
    const error = await pending;
    expect(error).toMatchObject({ code: 'cancelled', retryable: true });
    expect(error.message).toMatch(/cancelled by the caller before an answer came: delivery timed out/);
  });

  it('times out a server that sends headers and then stalls the body', async () => {
    const stalling: Server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"items": [');
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    const { port } = stalling.address() as AddressInfo;
    try {
      const client = createOneCClient({ baseUrl: `http://127.0.0.1:${port}`, username: 'hub', password: PASSWORD, timeoutMs: 200 });
      expect(await failureOf(client.listWarehouses())).toMatchObject({ code: 'timeout', retryable: true });
    } finally {
      stalling.closeAllConnections();
      await new Promise((resolve) => stalling.close(resolve));
    }
  });

  it('reports a refused connection as a retryable network error', async () => {
    const client = await clientAnswering(() => Response.json({ items: [] }));
    await server?.close();
    const error = await failureOf(client.listWarehouses());
    expect(error).toMatchObject({ code: 'network', retryable: true, status: undefined });
  });

  it('never puts the password or the Authorization header in an error, even when the server echoes them', async () => {
    const client = await clientAnswering((request) => oneCError(401, `bad login: ${request.headers.get('authorization') ?? ''} (password ${PASSWORD})`));
    const error = await failureOf(client.listWarehouses());
    expect(error).toMatchObject({ status: 401, code: 'http_401', retryable: false });
    const shown = `${error.message} ${JSON.stringify(error)} ${String(error.stack)}`;
    expect(shown).not.toContain(PASSWORD);
    expect(shown).not.toContain(CREDENTIALS);
    expect(error.message).toContain('[redacted]');
  });

  it('refuses to send an order 1С would reject, without touching the network', async () => {
    let requests = 0;
    const client = await clientAnswering(() => {
      requests += 1;
      return Response.json({});
    });
    const order = { hubOrderId: 'not-a-uuid', sourceWarehouseId: 'a', targetWarehouseId: 'b', lines: [] };
    const error = await failureOf(client.createTransferOrder(order, { idempotencyKey: 'key-1' }));
    expect(error).toMatchObject({ code: 'invalid_request', retryable: false });
    expect(error.message).toMatch(/hubOrderId/);
    const valid = { ...order, hubOrderId: '0b9e3c55-3f0e-4d6b-9d3c-0f6f2f0e8a11', lines: [{ productId: 'p', sku: 's', quantity: 1 }] };
    expect(await failureOf(client.createTransferOrder(valid, { idempotencyKey: '  ' }))).toMatchObject({ code: 'invalid_request' });
    expect(requests).toBe(0);
  });
});
