// Loopback listeners the probe tests open and close. Nothing here leaves 127.0.0.0/8. Each test run picks a random
// 127.x.y.z address, so fixed ports (4172, 4195, 8300) do not collide with other runs on the same machine.
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Listener {
  port: number;
  close(): Promise<void>;
}

/** A random loopback address other than 127.0.0.1 where the OS routes all of 127/8 to lo (Linux); else 127.0.0.1. */
export async function loopbackAddress(): Promise<string> {
  const candidate = `127.${1 + Math.floor(Math.random() * 254)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
  try {
    await (await tcpListener(candidate)).close();
    return candidate;
  } catch {
    return '127.0.0.1';
  }
}

export function tcpListener(host: string, port = 0): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    });
    server.once('error', reject);
    server.listen(port, host, () =>
      resolve({
        port: (server.address() as { port: number }).port,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}

/** A TCP port on `host` where nothing listens: bound, then released. */
export async function closedTcpPort(host: string): Promise<number> {
  const listener = await tcpListener(host);
  await listener.close();
  return listener.port;
}

/** UDP: `echo` sends every datagram back; otherwise the port is bound and silent. */
export function udpListener(host: string, { echo, port = 0 }: { echo: boolean; port?: number }): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    if (echo) socket.on('message', (message, peer) => socket.send(message, peer.port, peer.address));
    socket.once('error', reject);
    socket.bind(port, host, () =>
      resolve({ port: socket.address().port, close: () => new Promise((done) => socket.close(() => done())) }),
    );
  });
}

/** A UDP port on `host` where nothing listens: the OS answers a datagram with ICMP port unreachable. */
export async function closedUdpPort(host: string): Promise<number> {
  const listener = await udpListener(host, { echo: false });
  await listener.close();
  return listener.port;
}

/**
 * A TCP port whose handshakes go unanswered, as behind a firewall that drops: a listener in a child process that
 * never accepts (its event loop is blocked), with its accept queue (backlog 1) filled. The kernel then drops new
 * SYNs, so a connect times out, all on loopback.
 */
export async function tcpDroppingPort(host: string, port = 0): Promise<Listener> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const server = require('node:net').createServer();
       server.listen({ port: ${port}, host: ${JSON.stringify(host)}, backlog: 1 }, () => {
         process.stdout.write(server.address().port + '\\n');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
       });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const bound = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    child.once('exit', (code) => reject(new Error(`the never-accepting listener exited (${code})`)));
  });
  // Fill the accept queue until a handshake stops completing.
  const fillers: Socket[] = [];
  for (let i = 0; i < 8; i++) {
    const filler = connect({ host, port: bound });
    filler.on('error', () => {});
    fillers.push(filler);
    const completed = await new Promise<boolean>((resolve) => {
      filler.once('connect', () => resolve(true));
      setTimeout(() => resolve(false), 200);
    });
    if (!completed) break;
  }
  return {
    port: bound,
    close: async () => {
      for (const filler of fillers) filler.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

export interface HeldListener extends Listener {
  /** Lets the listener accept again: handshakes waiting for a retransmitted SYN then complete. */
  release(): void;
}

/**
 * A TCP port whose handshakes complete late, as across a slow link: the listener's accept queue is full and its
 * process does not accept, so the kernel drops each SYN, until `release()`; then the client's retransmission (about
 * a second after its first SYN: Linux's initial RTO) gets through. Each handshake started while held takes about a
 * second — what the RTT probe reads as a far Region. (Loopback has no latency to add, and no other delay between
 * "instant" and one RTO is possible without traffic control.)
 */
export async function tcpHeldPort(host: string, port = 0): Promise<HeldListener> {
  const flag = join(mkdtempSync(join(tmpdir(), 'wsdoctor-held-')), 'release');
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const { existsSync } = require('node:fs');
       const server = require('node:net').createServer((socket) => socket.on('error', () => {}));
       server.listen({ port: ${port}, host: ${JSON.stringify(host)}, backlog: 1 }, () => {
         process.stdout.write(server.address().port + '\\n');
         process.stdin.once('data', () => {
           const wait = new Int32Array(new SharedArrayBuffer(4));
           while (!existsSync(${JSON.stringify(flag)})) Atomics.wait(wait, 0, 0, 10);
         });
       });`,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const bound = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    child.once('exit', (code) => reject(new Error(`the held listener exited (${code})`)));
  });
  // Hold the listener (its event loop blocked), then fill its accept queue until a handshake stops completing, and
  // prove it: a last handshake must stay unanswered for half a second (on a loaded machine a slow one may still be
  // on its way; it then joins the fillers and the filling goes on).
  child.stdin!.write('hold\n');
  await new Promise((resolve) => setTimeout(resolve, 50));
  const fillers: Socket[] = [];
  for (let i = 0; i < 16; i++) {
    const filler = connect({ host, port: bound });
    filler.on('error', () => {});
    fillers.push(filler);
    const completed = await new Promise<boolean>((resolve) => {
      filler.once('connect', () => resolve(true));
      setTimeout(() => resolve(false), 500);
    });
    if (!completed) break;
  }
  return {
    port: bound,
    release: () => writeFileSync(flag, ''),
    close: async () => {
      for (const filler of fillers) filler.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/**
 * Resolves when a new connection to host:port is in SYN_SENT on this machine (Linux: /proc/net/tcp): a client
 * has started its handshake. Lets a test act relative to when a probe really starts, whatever the CLI's start-up took.
 */
export async function firstSynSent(host: string, port: number, timeoutMs = 20_000): Promise<void> {
  const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');
  // /proc/net/tcp prints an IPv4 address as the little-endian hex of its 32 bits.
  const address = host.split('.').map(Number).reverse().map((b) => hex(b, 2)).join('');
  const remote = `${address}:${hex(port, 4)}`;
  const synSent = async () =>
    new Set(
      (await readFile('/proc/net/tcp', 'utf8'))
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((f) => f[2] === remote && f[3] === '02')
        .map((f) => f[1]!),
    );
  // Handshakes already waiting (a held listener's own filler) are not the client's.
  const before = await synSent();
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const local of await synSent()) if (!before.has(local)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no handshake to ${host}:${port} started within ${timeoutMs} ms`);
}
