// A real HTTP forward proxy on loopback, as a corporate one behaves: CONNECT tunnels (for https:// endpoints) and
// absolute-URI requests (for http:// ones), optional Basic proxy authentication (407 without it), and a log of what
// went through it. It forwards only to 127.0.0.0/8: a request for any other address is refused (403), so nothing a
// test sends through it can leave the machine.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  kind: 'CONNECT' | 'absolute-URI';
  /** host:port for CONNECT, the absolute URL otherwise. */
  target: string;
  /** The Proxy-Authorization header as received (the test checks credentials arrive, and only here). */
  proxyAuthorization?: string;
}

export interface ForwardProxy {
  /** http://127.0.0.1:port */
  url: string;
  port: number;
  log: ProxiedRequest[];
  close(): Promise<void>;
}

const isLoopback = (host: string) => net.isIPv4(host) && host.startsWith('127.');

export async function startForwardProxy(options: { credentials?: { user: string; password: string } } = {}): Promise<ForwardProxy> {
  const log: ProxiedRequest[] = [];
  const expected = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`
    : undefined;
  const authorized = (header: string | undefined) => expected === undefined || header === expected;
  const sockets = new Set<net.Socket>();

  const server = http.createServer((req, res) => {
    const proxyAuthorization = req.headers['proxy-authorization'];
    log.push({ kind: 'absolute-URI', target: req.url ?? '', ...(proxyAuthorization ? { proxyAuthorization } : {}) });
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URI expected');
      return;
    }
    if (!authorized(proxyAuthorization)) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"' }).end();
      return;
    }
    if (target.protocol !== 'http:' || !isLoopback(target.hostname)) {
      res.writeHead(403).end('this test proxy forwards to loopback only');
      return;
    }
    // Hop-by-hop headers are the proxy's own (RFC 9110, 7.6.1): not forwarded.
    const headers = { ...req.headers };
    for (const name of ['proxy-authorization', 'proxy-connection', 'connection', 'keep-alive']) delete headers[name];
    // The body is read whole and sent with the request line in one write, as moto_server's HTTP server wants it.
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: `${target.pathname}${target.search}`, headers, agent: false },
        (answer) => {
          const { connection: _connection, 'keep-alive': _keepAlive, ...answerHeaders } = answer.headers;
          res.writeHead(answer.statusCode ?? 502, answerHeaders);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(Buffer.concat(chunks));
    });
  });

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const proxyAuthorization = req.headers['proxy-authorization'];
    log.push({ kind: 'CONNECT', target: req.url ?? '', ...(proxyAuthorization ? { proxyAuthorization } : {}) });
    const [host = '', port = ''] = (req.url ?? '').split(':');
    if (!authorized(proxyAuthorization)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
      return;
    }
    if (!isLoopback(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
