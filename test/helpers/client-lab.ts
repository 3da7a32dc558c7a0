// Everything a `wsdoctor check --client` run talks to, on one random loopback address and the real ports (443, 80,
// 123, 3478, 4172, 4195): an HTTPS server holding a test CA's certificate for every WorkSpaces host of the Region
// (chosen by SNI), the Web Access redirect on 80, SNTP, STUN, QUIC on UDP 443, the streaming ports, and a DNS server
// on port 53 of another loopback address that resolves every one of those names to it. wsdoctor is pointed at it
// with a targets file ({"resolver": [the DNS server]}) and a trust store (SSL_CERT_FILE): no probe leaves
// 127.0.0.0/8, and the names, SNI, certificates and ports are the ones a user's machine would see. Binding ports
// below 1024 needs root (as the DNS tests do); faults are set per lab.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { createServer as createHttpsServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientEndpointsFor } from '../../src/data/client-endpoints.js';
import { healthCheckServersFor } from '../../src/data/client-ports.js';
import { appstreamStreamHost, BANDWIDTH_OBJECT, NTP_SERVER, PUBLIC_IP_ECHO, STUN_SERVER, WEB_ACCESS_HOST } from '../../src/data/client-network.js';
import { startDnsServer, type TestDnsServer } from './dns-server.js';
import { loopbackAddress, tcpListener, udpListener, type Listener } from './listeners.js';
import { startHttpRedirect, startQuicResponder, startSntpResponder, startStunResponder, type Server } from './client-servers.js';
import { createTestCa, STARFIELD_ROOT_PEM, trustStoreFile, type TestCa } from './tls-ca.js';

export interface ClientLabFaults {
  /** Names DNS says do not exist (NXDOMAIN). */
  nxdomain?: string[];
  /** Names whose certificate comes from a CA the trust store lacks (a TLS-inspecting proxy). */
  intercepted?: string[];
  /** The machine's clock relative to true time, as SNTP and the Date headers show it (positive: machine ahead). */
  clockOffsetMs?: number;
  /** No SNTP server: UDP 123 goes unanswered. */
  ntpSilent?: boolean;
  /** The address the HTTPS echo reports (default: the loopback address the request came from). */
  publicIp?: string;
  /** The address STUN reports for UDP (default: the one the datagram came from). */
  udpPublicIp?: string;
  /** TCP ports that stay closed (nothing listens): 4172, 4195. */
  closedTcp?: number[];
  /** The Starfield certificate left out of the trust store. */
  noStarfield?: boolean;
  /** Download speed of the bandwidth object, in bytes per second (default: as fast as loopback goes). */
  bandwidthBytesPerSecond?: number;
}

export interface ClientLab {
  region: string;
  address: string;
  dns: TestDnsServer;
  ca: TestCa;
  /** The --probe-targets file. */
  targetsFile: string;
  /** The trust store (SSL_CERT_FILE). */
  trustStore: string;
  /** Target flags for `check`/`collect`: --client, the Region, the targets file, the streaming ports' host. */
  args(): string[];
  /** Environment for the CLI: the trust store. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

/** Every host name a client run of `region` resolves. */
export function clientHostNames(region: string): string[] {
  return [
    ...(clientEndpointsFor(region) ?? []).map((e) => e.host),
    PUBLIC_IP_ECHO.host,
    BANDWIDTH_OBJECT.host,
    WEB_ACCESS_HOST.host,
    appstreamStreamHost(region),
    NTP_SERVER.host,
    STUN_SERVER.host,
  ];
}

export async function startClientLab(region: string, faults: ClientLabFaults = {}): Promise<ClientLab> {
  const address = await loopbackAddress();
  const ca = createTestCa('Amazon Root CA 1 (wsdoctor test)', 'wsdoctor tests');
  const names = [...new Set(clientHostNames(region))];
  const trusted = ca.issue(names.filter((n) => !faults.intercepted?.includes(n)));
  const contexts = new Map<string, ReturnType<typeof createSecureContext>>();
  if (faults.intercepted?.length) {
    const proxyCa = createTestCa('Example Corp TLS Inspection CA', 'Example Corp');
    const forged = proxyCa.issue(faults.intercepted);
    for (const name of faults.intercepted) contexts.set(name, createSecureContext({ cert: forged.certPem, key: forged.keyPem }));
  }
  const servers: { close(): Promise<void> }[] = [];
  const https = createHttpsServer(
    {
      cert: trusted.certPem,
      key: trusted.keyPem,
      SNICallback: (servername, done) => done(null, contexts.get(servername.toLowerCase())),
    },
    (req, res) => route(req, res, faults),
  );
  servers.push(await listen(https, address, 443));
  servers.push(await startHttpRedirect(address, 80));
  servers.push(await startQuicResponder(address, 443));
  if (!faults.ntpSilent) servers.push(await startSntpResponder(address, NTP_SERVER.port, { skewMs: -(faults.clockOffsetMs ?? 0) }));
  // A NAT shows UDP from the address it shows TCP from, unless the test says otherwise.
  const udpShown = faults.udpPublicIp ?? faults.publicIp;
  servers.push(await startStunResponder(address, STUN_SERVER.port, udpShown ? { mapped: udpShown } : {}));
  const listeners: Listener[] = [];
  for (const port of [4172, 4195]) {
    if (!faults.closedTcp?.includes(port)) listeners.push(await tcpListener(address, port));
    listeners.push(await udpListener(address, { echo: true, port }));
  }
  const healthCheck = healthCheckServersFor(region);
  const a: Record<string, string[]> = Object.fromEntries(
    names.filter((n) => !faults.nxdomain?.includes(n)).map((n) => [n.toLowerCase(), [address]]),
  );
  // The health check host resolves to the addresses the guide lists (I3 compares them); nothing connects to them:
  // the streaming probes go to --probe-host.
  if (healthCheck && !faults.nxdomain?.includes(healthCheck.hostname)) a[healthCheck.hostname] = [...healthCheck.addresses];
  const dns = await startDnsServer({ a });
  const dir = mkdtempSync(join(tmpdir(), 'wsdoctor-client-lab-'));
  const targetsFile = join(dir, 'targets.json');
  writeFileSync(targetsFile, JSON.stringify({ resolver: [dns.address] }, null, 2));
  const trustStore = faults.noStarfield ? trustStoreFile(ca.certPem) : trustStoreFile(ca.certPem, STARFIELD_ROOT_PEM);
  return {
    region,
    address,
    dns,
    ca,
    targetsFile,
    trustStore,
    args: () => ['--client', '--region', region, '--probe-targets', targetsFile, '--probe-host', address],
    env: () => ({ SSL_CERT_FILE: trustStore }),
    close: async () => {
      await Promise.all([...servers.map((s) => s.close()), ...listeners.map((l) => l.close()), dns.close()]);
    },
  };
}

function route(req: IncomingMessage, res: ServerResponse, faults: ClientLabFaults): void {
  const host = String(req.headers.host ?? '').toLowerCase();
  // The server's clock is true time; the machine's is off by clockOffsetMs.
  const date = new Date(Date.now() - (faults.clockOffsetMs ?? 0)).toUTCString();
  if (host === PUBLIC_IP_ECHO.host) {
    res.writeHead(200, { Date: date, 'Content-Type': 'text/plain' });
    res.end(`${faults.publicIp ?? req.socket.remoteAddress}\n`);
    return;
  }
  if (host === BANDWIDTH_OBJECT.host && req.url === BANDWIDTH_OBJECT.path) {
    res.writeHead(206, { Date: date, 'Content-Type': 'application/octet-stream' });
    if (req.method === 'HEAD') return void res.end();
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    const rate = faults.bandwidthBytesPerSecond;
    let sent = 0;
    const limit = 4 * 1024 * 1024;
    const timer = setInterval(() => {
      res.write(chunk);
      sent += chunk.length;
      if (sent >= limit) {
        clearInterval(timer);
        res.end();
      }
    }, rate ? Math.max(1, Math.round((chunk.length / rate) * 1000)) : 0);
    res.on('close', () => clearInterval(timer));
    return;
  }
  res.writeHead(200, { Date: date, 'Content-Type': 'text/plain' });
  res.end(req.method === 'HEAD' ? undefined : 'ok\n');
}

function listen(server: ReturnType<typeof createHttpsServer>, address: string, port: number): Promise<Server> {
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket: import('node:net').Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () =>
      resolve({
        address,
        port,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
