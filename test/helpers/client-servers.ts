// Loopback servers that speak what the client probes speak, for tests that send nothing off 127.0.0.0/8: an HTTPS
// server with a test CA's certificate (any name it is given), a plain HTTP redirect (Web Access's port 80), an SNTP
// responder whose clock runs wherever the test says, a STUN responder, and a QUIC responder that answers version
// negotiation. Each binds the address and port it is given, or a free port.
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface Server {
  address: string;
  port: number;
  close(): Promise<void>;
}

export interface HttpsServerOptions {
  certPem: string;
  keyPem: string;
  /** Answers each request; default: 200 with a Date header. */
  handle?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Completes the TLS handshake and then never answers HTTP. */
  silentHttp?: boolean;
}

export function startHttpsServer(address: string, port: number, options: HttpsServerOptions): Promise<Server> {
  const server = createHttpsServer({ cert: options.certPem, key: options.keyPem }, (req, res) => {
    if (options.silentHttp) return;
    (options.handle ?? answer200)(req, res);
  });
  return listen(server, address, port);
}

/** HTTP on port 80 (or another): a 301 to the same path over HTTPS, as clients.amazonworkspaces.com answers. */
export function startHttpRedirect(address: string, port: number): Promise<Server> {
  const server = createHttpServer((req, res) => {
    res.writeHead(301, { Location: `https://${req.headers.host ?? 'localhost'}${req.url ?? '/'}` });
    res.end();
  });
  return listen(server, address, port);
}

export function answer200(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('ok\n');
}

/** A Date header this far from the real time: a server (or a machine) whose clock is off. */
export function answerWithClock(offsetMs: number) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { Date: new Date(Date.now() + offsetMs).toUTCString(), 'Content-Type': 'text/plain' });
    res.end('ok\n');
  };
}

/** checkip's answer: the address the request came from, or the one the test says a NAT would show. */
export function answerIp(shown?: string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(`${shown ?? req.socket.remoteAddress}\n`);
  };
}

/** A body streamed at `bytesPerSecond` (in 16 KiB chunks), for the bandwidth probe. */
export function answerAtRate(bytesPerSecond: number) {
  return (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(206, { 'Content-Type': 'application/octet-stream' });
    if (req.method === 'HEAD') return res.end();
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    const every = Math.max(1, Math.round((chunk.length / bytesPerSecond) * 1000));
    const timer = setInterval(() => {
      if (!res.write(chunk)) return;
    }, every);
    res.on('close', () => clearInterval(timer));
  };
}

function listen(server: import('node:net').Server, address: string, port: number): Promise<Server> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () =>
      resolve({
        address,
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}

function bindUdp(address: string, port: number, onMessage: (socket: UdpSocket, message: Buffer, peer: { address: string; port: number }) => void): Promise<Server> {
  const socket = createSocket(address.includes(':') ? 'udp6' : 'udp4');
  socket.on('message', (message, peer) => onMessage(socket, message, peer));
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, address, () =>
      resolve({ address, port: socket.address().port, close: () => new Promise((done) => socket.close(() => done())) }),
    );
  });
}

const NTP_UNIX_OFFSET = 2_208_988_800;

function ntpTimestamp(buffer: Buffer, offset: number, unixMs: number): void {
  buffer.writeUInt32BE((Math.floor(unixMs / 1000) + NTP_UNIX_OFFSET) >>> 0, offset);
  buffer.writeUInt32BE(Math.floor(((unixMs % 1000) / 1000) * 0x100000000) >>> 0, offset + 4);
}

export interface SntpOptions {
  /** How far this server's clock is from the machine's (positive: the server is ahead, so the machine is behind). */
  skewMs?: number;
  /** Answer with a kiss-o'-death (stratum 0) carrying this code, e.g. "DENY". */
  kiss?: string;
  /** Answer with an originate timestamp that is not the request's (a reply to someone else). */
  wrongOriginate?: boolean;
}

/** An SNTP server (RFC 4330) whose clock is the machine's plus `skewMs`. */
export function startSntpResponder(address: string, port: number, options: SntpOptions = {}): Promise<Server> {
  return bindUdp(address, port, (socket, request, peer) => {
    if (request.length < 48) return;
    const received = Date.now() + (options.skewMs ?? 0);
    const reply = Buffer.alloc(48);
    reply[0] = (0 << 6) | (4 << 3) | 4; // LI 0, version 4, mode 4 (server)
    reply[1] = options.kiss ? 0 : 2;
    if (options.kiss) reply.write(options.kiss.padEnd(4, '\0').slice(0, 4), 12, 'latin1');
    request.copy(reply, 24, 40, 48); // originate = the client's transmit time
    if (options.wrongOriginate) reply.writeUInt32BE((reply.readUInt32BE(24) ^ 0xffff) >>> 0, 24);
    ntpTimestamp(reply, 32, received);
    ntpTimestamp(reply, 40, Date.now() + (options.skewMs ?? 0));
    socket.send(reply, peer.port, peer.address);
  });
}

/** A STUN server answering Binding requests with the address it saw (or `mapped`, as a NAT with another UDP address would). */
export function startStunResponder(address: string, port: number, options: { mapped?: string } = {}): Promise<Server> {
  return bindUdp(address, port, (socket, request, peer) => {
    if (request.length < 20 || request.readUInt16BE(0) !== 0x0001 || request.readUInt32BE(4) !== 0x2112a442) return;
    const shown = options.mapped ?? peer.address;
    const value = Buffer.alloc(8);
    value[1] = 0x01;
    value.writeUInt16BE(peer.port ^ 0x2112, 2);
    const ip = shown.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
    value.writeUInt32BE((ip ^ 0x2112a442) >>> 0, 4);
    const attribute = Buffer.concat([Buffer.from([0x00, 0x20, 0x00, 0x08]), value]);
    const header = Buffer.alloc(20);
    header.writeUInt16BE(0x0101, 0);
    header.writeUInt16BE(attribute.length, 2);
    header.writeUInt32BE(0x2112a442, 4);
    request.copy(header, 8, 8, 20);
    socket.send(Buffer.concat([header, attribute]), peer.port, peer.address);
  });
}

/** A QUIC endpoint that answers any unsupported version with Version Negotiation offering QUIC v1. */
export function startQuicResponder(address: string, port: number): Promise<Server> {
  return bindUdp(address, port, (socket, datagram, peer) => {
    const reply = parseVersionNegotiationRequest(datagram);
    if (reply) socket.send(reply, peer.port, peer.address);
  });
}

/** The Version Negotiation packet a server sends for a long-header datagram of ≥ 1200 bytes (RFC 9000 6, 17.2.1). */
function parseVersionNegotiationRequest(datagram: Buffer): Buffer | undefined {
  if (datagram.length < 1200 || (datagram[0]! & 0x80) === 0) return undefined;
  const dcid = datagram.subarray(6, 6 + datagram[5]!);
  const scidAt = 6 + dcid.length;
  const scid = datagram.subarray(scidAt + 1, scidAt + 1 + datagram[scidAt]!);
  const versions = Buffer.alloc(4);
  versions.writeUInt32BE(0x00000001);
  return Buffer.concat([Buffer.from([0x80 | 0x2a]), Buffer.alloc(4), Buffer.from([scid.length]), scid, Buffer.from([dcid.length]), dcid, versions]);
}
