// An HTTP proxy that fails on purpose, for the smoke test's "apt mirror answers 502" check.
// Every second plain-HTTP request (apt's) gets 502 Bad Gateway, deterministically, so half of
// them fail; the others are forwarded. CONNECT (HTTPS, e.g. npm) is tunnelled untouched.
// GET /stats on the proxy itself answers its counters as JSON, so a caller can prove that
// 502s really were sent (otherwise a passing build would prove nothing).
// Usage: node tools/containers/flaky-proxy.mjs <port>   (listens on 127.0.0.1 only)
import http from 'node:http';
import net from 'node:net';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('Usage: node tools/containers/flaky-proxy.mjs <port>');
  process.exit(2);
}

const stats = { proxied: 0, refused: 0, forwarded: 0, forwardErrors: 0, tunnels: 0 };

const server = http.createServer((request, response) => {
  // A proxy request carries an absolute URL; anything else is addressed to the proxy itself.
  if (!/^http:\/\//i.test(request.url ?? '')) {
    response.writeHead(request.url === '/stats' ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(stats));
    return;
  }
  stats.proxied += 1;
  if (stats.proxied % 2 === 0) {
    stats.refused += 1;
    request.resume();
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end('502 Bad Gateway (flaky-proxy: every second request fails on purpose)\n');
    return;
  }
  const target = new URL(request.url);
  const upstream = http.request(
    { host: target.hostname, port: target.port || 80, path: target.pathname + target.search, method: request.method, headers: request.headers },
    (answer) => {
      stats.forwarded += 1;
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', (error) => {
    stats.forwardErrors += 1;
    if (!response.headersSent) response.writeHead(504, { 'content-type': 'text/plain' });
    response.end(`flaky-proxy: upstream ${target.host} failed: ${error.message}\n`);
  });
  request.pipe(upstream);
});

server.on('connect', (request, client, head) => {
  stats.tunnels += 1;
  const [host, targetPort] = (request.url ?? '').split(':');
  const upstream = net.connect(Number(targetPort) || 443, host, () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  const close = () => {
    upstream.destroy();
    client.destroy();
  };
  upstream.on('error', close);
  client.on('error', close);
});

server.listen(port, '127.0.0.1', () => console.log(`flaky-proxy listening on 127.0.0.1:${port}`));
