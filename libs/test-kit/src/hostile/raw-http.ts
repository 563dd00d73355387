import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';

/** A request as the fuzzer sends it: any method, an already encoded path, bytes of any kind. */
export interface RawRequest {
  method: string;
  /** Path and query string exactly as they go on the request line. */
  path: string;
  headers?: Record<string, string>;
  /** Sent with its Content-Length, or chunked without one when `chunked`. */
  body?: Buffer;
  chunked?: boolean;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Every header as received, names and values in order. */
  rawHeaders: string[];
  body: string;
}

/** A bound on one request: a server that never answers fails the case instead of hanging the suite. */
const REQUEST_TIMEOUT_MS = 15_000;
const CHUNK_BYTES = 4096;

/** Writes `body` in chunks (Transfer-Encoding: chunked, no Content-Length). */
function writeChunked(req: ReturnType<typeof request>, body: Buffer): void {
  for (let offset = 0; offset < body.length; offset += CHUNK_BYTES) {
    if (req.destroyed) return;
    req.write(body.subarray(offset, offset + CHUNK_BYTES));
  }
}

class StaleSocketError extends Error {
  constructor(cause: Error) {
    super('a kept-alive connection was closed by the server before this request', { cause });
  }
}

/**
 * An HTTP/1.1 client for hostile requests (node:http, keep-alive): unlike fetch it sends a body
 * with GET, any Content-Type with any bytes, and chunked bodies. A server that answers before it
 * has read the whole body (a 413) may reset the connection: the answer counts, the write error not.
 */
export function rawHttpClient(baseUrl: string): { send(raw: RawRequest): Promise<RawResponse>; close(): void } {
  const { hostname, port } = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const sendOnce = (raw: RawRequest) =>
    new Promise<RawResponse>((resolve, reject) => {
      const headers: Record<string, string> = { ...raw.headers };
      if (raw.body && !raw.chunked) headers['content-length'] ??= String(raw.body.length);
      // Node frames a GET's or DELETE's body only when told to: without this it would send the bytes bare.
      if (raw.body && raw.chunked) headers['transfer-encoding'] = 'chunked';
      const req = request({ agent, hostname, port, method: raw.method, path: raw.path, headers, timeout: REQUEST_TIMEOUT_MS });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer to ${raw.method} ${raw.path.slice(0, 200)} within ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (answered) return;
        // A kept-alive socket the server closed after its last answer (e.g. a 413 with the body unread):
        // Node's documented remedy is to send again on a new connection, which `retry` marks.
        reject(req.reusedSocket && error.code === 'ECONNRESET' ? new StaleSocketError(error) : error);
      });
      if (raw.body && raw.chunked) writeChunked(req, raw.body);
      req.end(raw.body && !raw.chunked ? raw.body : undefined);
    });
  const send = async (raw: RawRequest): Promise<RawResponse> => {
    try {
      return await sendOnce(raw);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) throw error;
      return sendOnce(raw);
    }
  };
  return { send, close: () => agent.destroy() };
}

/** What a server sent back on a raw socket before the test closed it. */
export interface EarlyAnswer {
  /** The status line's code. */
  status: number;
  /** The status line and headers as received. */
  head: string;
}

/**
 * Writes `bytes` (a request line, headers and part of a body) to a raw socket and never ends the
 * request, then waits for the server's status line and headers. An answer to a request whose body
 * has not finished proves the server decided without reading the whole body, let alone parsing it.
 */
export function answerToUnfinishedRequest(baseUrl: string, bytes: Buffer): Promise<EarlyAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.setTimeout(REQUEST_TIMEOUT_MS, () => socket.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms to a request left unfinished`)));
    socket.on('data', (data: Buffer) => {
      received += data.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (end >= 0 && status) {
        socket.destroy();
        resolve({ status: Number(status[1]), head: received.slice(0, end) });
      }
    });
    socket.on('error', reject);
    socket.on('connect', () => socket.write(bytes));
  });
}
