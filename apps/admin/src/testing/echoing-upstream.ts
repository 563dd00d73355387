/**
 * Test support (resilience suite): a stand-in for 1С and МойСклад on 127.0.0.1 that forwards to
 * the sandbox, or answers 500 with a body that echoes every credential the request carried, as a
 * careless upstream's error page might. The hub must keep none of it.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EchoingUpstream {
  url: string;
  /** Requests still to be answered with the echo (then forwarded again); `method` limits which. */
  echo(times: number, method?: string): void;
  /** Every echo sent: the bodies the hub received, its credentials in them. */
  echoes(): string[];
  close(): Promise<void>;
}

function echoCredentials(req: IncomingMessage, res: ServerResponse): string {
  const authorization = req.headers.authorization ?? '';
  const basic = /^Basic (.+)$/.exec(authorization)?.[1];
  const decoded = basic === undefined ? '' : Buffer.from(basic, 'base64').toString('utf8');
  const body = JSON.stringify({
    error: `upstream refused ${req.method} ${req.url}: Authorization: ${authorization}; credentials ${decoded}; password ${decoded.split(':')[1] ?? ''}`,
    errors: [{ error: `token ${authorization.replace(/^Bearer /, '')} rejected`, code: 1056 }],
  });
  res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end(body);
  return body;
}

export async function startEchoingUpstream(sandboxUrl: string): Promise<EchoingUpstream> {
  const target = new URL(sandboxUrl);
  let remaining = 0;
  let onlyMethod: string | undefined;
  const echoes: string[] = [];
  const server = createServer((req, res) => {
    if (remaining > 0 && (onlyMethod === undefined || req.method === onlyMethod)) {
      remaining -= 1;
      req.resume();
      echoes.push(echoCredentials(req, res));
      return;
    }
    // Raw bytes both ways: a gzip answer stays gzip, headers as they were (the Host names this stand-in).
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    echo: (times, method) => {
      remaining = times;
      onlyMethod = method;
    },
    echoes: () => [...echoes],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
